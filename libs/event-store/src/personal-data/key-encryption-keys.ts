/** A per-person data key as es_personal_key keeps it: encrypted under a key-encryption key (KEK) named by its id. */
export interface WrappedKey {
  kekId: string;
  wrapped: Buffer;
}

/**
 * The key-encryption keys (KMS-like): the per-person data keys are stored only wrapped by one of
 * these, and the KEKs live outside the database (an environment secret or file in development; a
 * KMS or Vault transit key in production). A dump of the database alone then opens nothing.
 *
 * `context` is bound to the wrapped key (AES-GCM additional data, a KMS's encryption context): a
 * wrapped key moved to another person's row does not unwrap.
 */
export interface KeyEncryptionKeys {
  /** The KEK new keys are wrapped under, and the one `rewrap` moves every key to. */
  readonly currentId: string;
  wrap(key: Buffer, context: string): Promise<WrappedKey>;
  /** Throws when the KEK named by `kekId` is not available (retired and forgotten) or the wrapping was tampered with. */
  unwrap(key: WrappedKey, context: string): Promise<Buffer>;
}
