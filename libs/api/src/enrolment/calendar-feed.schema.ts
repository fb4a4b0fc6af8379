import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from '@kompeten/contracts';
import { DateTime, Type } from '../use-case';

/** What creating a calendar feed answers: the subscription URL, holding the feed's secret token, shown this once. */
export const CalendarFeedCreatedSchema = Type.Object(
  {
    feedId: Type.String({ format: 'uuid', description: 'Names the feed to revoke it; not a secret' }),
    url: Type.String({
      example: '/api/v1/calendar/3q2-7wEz1c0e9Qy7n4r8R5rjJrC2kQ0xT6V1iKpLh0M.ics',
      description:
        'The feed’s address under the API’s origin, for a phone or desktop calendar to subscribe to (no login). It holds the secret token: shown only now (Kompeten keeps a hash), revoke the feed if it leaks',
    }),
    createdAt: DateTime(),
  },
  { title: 'CalendarFeedCreated' },
);

/** What revoking a calendar feed answers. */
export const CalendarFeedRevokedSchema = Type.Object(
  {
    feedId: Type.String({ format: 'uuid' }),
    revokedAt: DateTime({ description: 'When the feed stopped answering (404 from then on)' }),
  },
  { title: 'CalendarFeedRevoked' },
);

/** An iCalendar document (RFC 5545). */
export const CalendarText = Type.String({ description: 'An iCalendar (RFC 5545) VCALENDAR, one VEVENT per session' });

export class CreateUnitCalendarFeedRequest {
  @ApiPropertyOptional({
    example: 'PUSKESMAS-GULAI-BANCAH',
    nullable: true,
    description: 'Only the staff of this service unit; absent or null: the whole OPD',
  })
  @IsOptional()
  @Matches(UNIT_CODE, { message: `serviceUnit ${UNIT_CODE_MESSAGE}` })
  serviceUnit?: string | null;
}
