import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { KeyEncryptionKeys, WrappedKey } from './key-encryption-keys';

/** Where the KEKs come from: PERSONAL_DATA_KEK, PERSONAL_DATA_KEK_ID and PERSONAL_DATA_KEK_RETIRED. */
export interface LocalKekSettings {
  /** The current KEK: 32 bytes in base64, inline or in a file (a mounted secret). */
  kek: string;
  kekId: string;
  /** Earlier KEKs still needed to unwrap keys not yet rewrapped: `id:base64-or-path`, comma-separated. */
  retired?: string;
}

/**
 * The development (and small-deployment) KEK source: AES-256-GCM key wrapping with node:crypto under
 * KEKs read from the environment or from files. Output: iv (12) ‖ ciphertext (32) ‖ tag (16); the
 * additional data is `kekId/context`, so neither the KEK id nor the row can be swapped unnoticed.
 */
export class LocalKeyEncryptionKeys implements KeyEncryptionKeys {
  readonly currentId: string;
  private readonly keks: Map<string, Buffer>;

  constructor(current: { id: string; key: Buffer }, retired: { id: string; key: Buffer }[] = []) {
    for (const k of [current, ...retired]) {
      if (k.key.length !== 32) throw new Error(`KEK ${k.id} must be 32 bytes (AES-256), not ${k.key.length}`);
      if (!/^[\w.-]{1,64}$/.test(k.id)) throw new Error(`KEK id ${JSON.stringify(k.id)} must match [\\w.-]{1,64}`);
    }
    this.currentId = current.id;
    this.keks = new Map([...retired.map((k) => [k.id, k.key] as const), [current.id, current.key]]);
  }

  static fromSettings(settings: LocalKekSettings): LocalKeyEncryptionKeys {
    const retired = (settings.retired ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const at = entry.indexOf(':');
        if (at < 1) throw new Error('PERSONAL_DATA_KEK_RETIRED entries must be id:base64-or-path');
        return { id: entry.slice(0, at), key: readKek(entry.slice(at + 1)) };
      });
    return new LocalKeyEncryptionKeys({ id: settings.kekId, key: readKek(settings.kek) }, retired);
  }

  /** The same KEKs plus one more to unwrap with (never to wrap with); an id already present is kept. */
  withRetired(kek: { id: string; key: Buffer }): LocalKeyEncryptionKeys {
    if (this.keks.has(kek.id)) return this;
    const retired = [...this.keks].filter(([id]) => id !== this.currentId).map(([id, key]) => ({ id, key }));
    return new LocalKeyEncryptionKeys({ id: this.currentId, key: this.kek(this.currentId) }, [...retired, kek]);
  }

  async wrap(key: Buffer, context: string): Promise<WrappedKey> {
    const kek = this.kek(this.currentId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(aad(this.currentId, context));
    const ct = Buffer.concat([cipher.update(key), cipher.final()]);
    return Promise.resolve({ kekId: this.currentId, wrapped: Buffer.concat([iv, ct, cipher.getAuthTag()]) });
  }

  async unwrap({ kekId, wrapped }: WrappedKey, context: string): Promise<Buffer> {
    const decipher = createDecipheriv('aes-256-gcm', this.kek(kekId), wrapped.subarray(0, 12));
    decipher.setAAD(aad(kekId, context));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
    return Promise.resolve(
      Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]),
    );
  }

  private kek(id: string): Buffer {
    const kek = this.keks.get(id);
    if (!kek) throw new Error(`KEK ${id} is not configured (PERSONAL_DATA_KEK / PERSONAL_DATA_KEK_RETIRED)`);
    return kek;
  }
}

const aad = (kekId: string, context: string) => Buffer.from(`${kekId}/${context}`, 'utf8');

/** 32 bytes in base64 (inline) or a file holding them (a mounted secret; surrounding whitespace ignored). */
export function readKek(value: string): Buffer {
  const text = /^[A-Za-z0-9+/]{43}=$/.test(value.trim()) ? value.trim() : fs.readFileSync(value, 'utf8').trim();
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('a KEK must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

/**
 * The development KEK: public, in the source, so that a developer's `npm run …` without a secret
 * still works. Production refuses to start without PERSONAL_DATA_KEK (ServiceConfig), and a key
 * wrapped under this id is a sign to rotate (docs: SECURITY.md, deploy/RUNBOOK.md).
 */
export const DEVELOPMENT_KEK = { id: 'development', key: Buffer.alloc(32, 'kompeten-development-kek-not-secret') };
