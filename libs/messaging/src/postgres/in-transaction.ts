import type { DataSource, QueryRunner } from 'typeorm';

/** Runs `work` in a transaction on a pooled connection: commit on success, roll back and rethrow on error. */
export async function inTransaction<T>(dataSource: DataSource, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
  const tx = dataSource.createQueryRunner();
  try {
    await tx.connect();
    await tx.startTransaction();
    const result = await work(tx);
    await tx.commitTransaction();
    return result;
  } catch (e) {
    // On a dead connection the rollback fails too; the original error is the one worth reporting.
    if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
    throw e;
  } finally {
    await tx.release();
  }
}
