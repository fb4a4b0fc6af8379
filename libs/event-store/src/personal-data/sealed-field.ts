import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How an encrypted personal field looks inside a stored payload (and on Kafka). */
export interface SealedField {
  $personal: { v: 1; subject: string; alg: 'A256GCM'; iv: string; ct: string; tag: string };
}

export const isSealed = (value: unknown): value is SealedField =>
  typeof value === 'object' && value !== null && '$personal' in value;

/**
 * AES-256-GCM over the field's JSON. The additional data binds the ciphertext to its event and
 * field, so a sealed value cannot be moved to another event unnoticed.
 */
export function sealField(value: unknown, key: Buffer, subject: string, aad: string): SealedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $personal: {
      v: 1,
      subject,
      alg: 'A256GCM',
      iv: iv.toString('base64'),
      ct: ct.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
  };
}

export function openField(sealed: SealedField, key: Buffer, aad: string): unknown {
  const { iv, ct, tag } = sealed.$personal;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8'));
}

export const fieldAad = (eventId: string, field: string) => `${eventId}/${field}`;
