import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessCheck } from '../health/readiness-check';

@Injectable()
export class PostgresReadiness implements ReadinessCheck {
  readonly name = 'postgres';
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    await this.dataSource.query('select 1');
  }
}
