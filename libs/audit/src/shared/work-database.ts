import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The database replays build in: created on first use if the server allows it. It is the audit's
 * own, so a replay never writes into a service's database (and needs only read access there).
 */
export async function openWorkDatabase(url: string): Promise<DataSource> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
  } catch (e) {
    if ((e as { code?: string }).code !== '3D000') throw e;
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    const server = new URL(url);
    server.pathname = '/postgres';
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    try {
      await admin.query(`create database "${name.replace(/"/g, '""')}"`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42P04') throw err; // created meanwhile by another run
    } finally {
      await admin.end();
    }
  } finally {
    await probe.end().catch(() => undefined);
  }
  // Loaded here, not at the top, on purpose: nothing else the audit CLI loads at run time needs TypeORM
  // (its other imports of it are type-only), so verify and export start without it (~300 modules, ~0.25 s).
  const { DataSource: TypeOrmDataSource } = await import('typeorm');
  const ds = new TypeOrmDataSource({ type: 'postgres', url, applicationName: 'kompeten-audit', extra: { max: 2 } });
  await ds.initialize();
  return ds;
}
