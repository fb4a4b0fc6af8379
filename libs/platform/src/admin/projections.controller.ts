import { Controller, Get, HttpCode, Inject, NotFoundException, Optional, Param, Post } from '@nestjs/common';
import { MESSAGING_WORKERS, MessagingWorker, ProjectionRunner } from '@kompeten/messaging';

/**
 * Operators' handle on the read models (inside the cluster only; the gateway does not route here):
 * their status, and a rebuild from position 0 beside the live table, swapped in when caught up.
 */
@Controller('admin/projections')
export class ProjectionsController {
  private readonly runners: ProjectionRunner[];

  constructor(@Optional() @Inject(MESSAGING_WORKERS) workers?: MessagingWorker[]) {
    this.runners = (workers ?? []).filter((w): w is ProjectionRunner => w instanceof ProjectionRunner);
  }

  @Get()
  async list() {
    return Promise.all(this.runners.map(async (r) => ({ name: r.name, ...(await r.status()) })));
  }

  @Post(':name/rebuild')
  @HttpCode(200)
  async rebuild(@Param('name') name: string) {
    const runner = this.runners.find((r) => r.name === name);
    if (!runner) throw new NotFoundException(`no projection ${name} in this service`);
    await runner.rebuild();
    return { name, ...(await runner.status()) };
  }
}
