import { fillPath, getCalendarFeed } from '@kompeten/api';

/** The feed's address as calendar apps subscribe to it: the gateway's path, ending `.ics` as they like. */
export const feedUrl = (token: string) => `/api/v1${fillPath(getCalendarFeed.path, { token: `${token}.ics` })}`;
