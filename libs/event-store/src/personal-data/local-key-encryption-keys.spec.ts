import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEVELOPMENT_KEK, LocalKeyEncryptionKeys, readKek } from './local-key-encryption-keys';

describe('per-person keys wrapped by a key-encryption key', () => {
  const a = { id: 'kek-a', key: randomBytes(32) };
  const b = { id: 'kek-b', key: randomBytes(32) };
  const dataKey = randomBytes(32);

  it('wraps a key so that neither its bytes nor anything that opens it is left in the wrapped form', async () => {
    const keks = new LocalKeyEncryptionKeys(a);
    const wrapped = await keks.wrap(dataKey, 'staff:198609262015051001');
    expect(wrapped.kekId).toBe('kek-a');
    expect(wrapped.wrapped).toHaveLength(12 + 32 + 16);
    expect(wrapped.wrapped.includes(dataKey)).toBe(false);
    expect(await keks.unwrap(wrapped, 'staff:198609262015051001')).toEqual(dataKey);
  });

  it('refuses to unwrap for another person (a wrapped key copied onto another row) or under another KEK', async () => {
    const wrapped = await new LocalKeyEncryptionKeys(a).wrap(dataKey, 'staff:1');
    await expect(new LocalKeyEncryptionKeys(a).unwrap(wrapped, 'staff:2')).rejects.toThrow();
    await expect(
      new LocalKeyEncryptionKeys({ id: 'kek-a', key: randomBytes(32) }).unwrap(wrapped, 'staff:1'),
    ).rejects.toThrow();
    await expect(new LocalKeyEncryptionKeys(b).unwrap(wrapped, 'staff:1')).rejects.toThrow(
      /KEK kek-a is not configured/,
    );
  });

  it('after a rotation wraps under the new KEK and still unwraps under the retired one', async () => {
    const old = await new LocalKeyEncryptionKeys(a).wrap(dataKey, 'respondent:r');
    const rotated = new LocalKeyEncryptionKeys(b, [a]);
    expect(rotated.currentId).toBe('kek-b');
    expect(await rotated.unwrap(old, 'respondent:r')).toEqual(dataKey);
    expect((await rotated.wrap(dataKey, 'respondent:r')).kekId).toBe('kek-b');
    expect(
      await new LocalKeyEncryptionKeys(b)
        .withRetired(DEVELOPMENT_KEK)
        .unwrap(await new LocalKeyEncryptionKeys(DEVELOPMENT_KEK).wrap(dataKey, 's'), 's'),
    ).toEqual(dataKey);
  });

  it('reads the KEK inline or from a file, and refuses one that is not 32 bytes', () => {
    const text = a.key.toString('base64');
    expect(readKek(text)).toEqual(a.key);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kek-')), 'kek');
    fs.writeFileSync(file, `${text}\n`);
    expect(readKek(file)).toEqual(a.key);
    expect(
      LocalKeyEncryptionKeys.fromSettings({ kek: file, kekId: 'k2', retired: `k1:${b.key.toString('base64')}` })
        .currentId,
    ).toBe('k2');
    fs.writeFileSync(file, randomBytes(16).toString('base64'));
    expect(() => readKek(file)).toThrow(/32 bytes/);
    expect(() => new LocalKeyEncryptionKeys({ id: 'short', key: randomBytes(16) })).toThrow(/32 bytes/);
  });
});
