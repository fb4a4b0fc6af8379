import {
  Controller,
  Headers,
  HttpException,
  HttpStatus,
  MessageEvent,
  Query,
  Req,
  Sse,
  SseSignal,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { concat, filter, from, interval, map, merge, NEVER, Observable, takeUntil, timer } from 'rxjs';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { Cursor, formatCursor, LiveEvent, mayWatch, parseCursor } from './live-event';
import { LiveFeed } from './live-feed';

@ApiTags('live')
@Controller('api/v1/events')
export class LiveFeedRoutes {
  constructor(private readonly feed: LiveFeed) {}

  @Sse('stream')
  @Access({ roles: ['training-officer', 'unit-head', 'staff'] })
  @ApiOperation({
    summary: 'Server-Sent Events of the events your role may see; reconnect with Last-Event-ID to resume',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last event received (a cursor such as enrolment:120,budget:55)',
  })
  @ApiQuery({
    name: 'types',
    required: false,
    description: 'Comma-separated event types, e.g. StaffEnrolled,FundsCommitted',
  })
  @ApiOkResponse({
    description:
      'text/event-stream; each event: `event` = type, `id` = resume cursor, `data` = the event (no personal data)',
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          description:
            'Server-Sent Events: lines `id: <cursor>`, `event: <type>` (or `heartbeat`), `data: <JSON of the event>`',
        },
      },
    },
  })
  @ApiProblems(400)
  stream(
    @Req() req: AuthenticatedRequest,
    @SseSignal() ended: AbortSignal,
    @Headers('last-event-id') lastEventId?: string,
    @Query('types') types?: string,
  ): Observable<MessageEvent> {
    const principal = req.principal!;
    const release = this.feed.claim(principal.tokenId ?? principal.sub);
    if (!release)
      throw new HttpException(
        'This token has as many live feeds open as it may (LIVE_FEEDS_PER_TOKEN); close one first',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    // The signal ends with the stream on every path (client gone, token expired, never subscribed).
    ended.addEventListener('abort', release, { once: true });
    // The feed lasts as long as the token: a dashboard reconnects with a fresh one (and Last-Event-ID).
    const expired = principal.expiresAt ? timer(new Date(principal.expiresAt)) : NEVER;
    const wanted = types ? new Set(types.split(',').map((t) => t.trim())) : undefined;
    // A fresh stream starts at the newest event per service, so that its first id already covers every service.
    const cursor: Cursor = lastEventId ? parseCursor(lastEventId) : this.feed.latest();
    const visible = (e: LiveEvent) => mayWatch(principal, e) && (!wanted || wanted.has(e.type));
    const toMessage = (e: LiveEvent): MessageEvent => {
      cursor[e.service] = Math.max(cursor[e.service] ?? 0, e.position);
      return { id: formatCursor(cursor), type: e.type, data: e };
    };
    const replay = from(lastEventId ? this.feed.since(cursor) : []);
    const heartbeat = interval(15_000).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(concat(replay, this.feed.events$).pipe(filter(visible), map(toMessage)), heartbeat).pipe(
      takeUntil(expired),
    );
  }
}
