import type { Session } from '@kompeten/contracts';
import type { SessionDto } from '@kompeten/api';

/** The sessions as the request gave them, each optional field null when left out (the decider and the events name every field). */
export const sessionsOf = (sessions: SessionDto[]): Session[] =>
  sessions.map((s) => ({
    sessionId: s.sessionId,
    date: s.date,
    title: s.title,
    startTime: s.startTime ?? null,
    endTime: s.endTime ?? null,
    venue: s.venue ?? null,
    onlineUrl: s.onlineUrl ?? null,
    trainer: s.trainer ?? null,
  }));
