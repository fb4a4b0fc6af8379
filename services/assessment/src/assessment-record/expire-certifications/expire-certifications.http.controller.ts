import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventMetadata } from '@kompeten/event-store';
import { CommandMetadata } from '@kompeten/platform';
import { ExpireCertificationsCommand } from './expire-certifications.command';
import { ExpireCertificationsRequest } from '@kompeten/api';

@ApiTags('certifications')
@Controller('certifications')
export class ExpireCertificationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('expiry-check')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Run the expiry check now (a worker also runs it periodically): CertificationExpired for each certification due',
  })
  @ApiOkResponse({
    description: '{ asOf, expired: [{ certificationId, nip, competencyCode, level, expiresOn, detectedOn }] }',
  })
  check(@Body() body: ExpireCertificationsRequest, @CommandMetadata() meta: EventMetadata) {
    return this.commands.execute(new ExpireCertificationsCommand(body.asOf, meta));
  }
}
