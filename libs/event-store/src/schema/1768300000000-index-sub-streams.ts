import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sub-streams (`<parent>/<child>`, e.g. a programme's participants) are read and checked by parent and
 * position: `EventStore.readSubStreams` and the `noneAfter` condition of `appendAll`. The index holds
 * only sub-stream events, so services without sub-streams pay nothing for it on append.
 */
export class IndexSubStreams1768300000000 implements MigrationInterface {
  name = 'IndexSubStreams1768300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create index es_event_sub_stream_idx on es_event ((split_part(stream_id, '/', 1)), position)
      where strpos(stream_id, '/') > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index es_event_sub_stream_idx');
  }
}
