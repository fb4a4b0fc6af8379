import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  EventStore,
  type EventMetadata,
  PersonEraser,
  PostgresKeyStore,
  type RewrapReport,
  type ServiceErasureReport,
} from '@kompeten/event-store';
import { CommandMetadata } from '../http/command-metadata';
import { ErasureRequestDto } from './erasure-request.dto';

/**
 * Operators' handle on personal data in this service (inside the cluster; `/admin/*` needs the admin
 * role in the gateway's signed identity). The gateway's POST /api/v1/admin/erasures and
 * `npm run erase` fan out to this route in every service.
 */
@Controller('admin')
export class ErasuresController {
  private readonly eraser: PersonEraser;

  constructor(
    dataSource: DataSource,
    store: EventStore,
    private readonly keys: PostgresKeyStore,
  ) {
    this.eraser = new PersonEraser(dataSource, store, keys);
  }

  /** Erases the person here: where their data was, the PersonalDataErased event, and the proof. Idempotent. */
  @Post('erasures')
  @HttpCode(200)
  erase(@Body() body: ErasureRequestDto, @CommandMetadata() metadata: EventMetadata): Promise<ServiceErasureReport> {
    return this.eraser.erase(
      { erasureId: body.erasureId ?? randomUUID(), subject: body.subject, reason: body.reason },
      metadata,
    );
  }

  /** Rotation without a restart: every key not under the current KEK is rewrapped under it. */
  @Post('personal-keys/rewrap')
  @HttpCode(200)
  rewrap(): Promise<RewrapReport> {
    return this.keys.rewrap();
  }
}
