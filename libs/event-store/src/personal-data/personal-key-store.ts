import type { QueryRunner } from 'typeorm';

/**
 * Where per-person data keys live. The Postgres implementation keeps them in `es_personal_key`, in
 * the service's own database, wrapped by a key-encryption key that is not there (KeyEncryptionKeys:
 * an environment secret in development, a KMS in production). Erasing = deleting the key.
 */
export interface PersonalKeyStore {
  /** The subject's key, created on first use inside the caller's transaction. Throws PersonErasedError once erased. */
  keyFor(subject: string, tx: QueryRunner): Promise<Buffer>;
  /** The keys that still exist for these subjects; erased subjects are absent from the map. */
  keysFor(subjects: string[]): Promise<Map<string, Buffer>>;
  /**
   * Deletes the subject's key for good (in the caller's transaction when given). Returns false if
   * there was nothing to erase.
   */
  erase(subject: string, tx?: QueryRunner): Promise<boolean>;
  isErased(subject: string): Promise<boolean>;
}
