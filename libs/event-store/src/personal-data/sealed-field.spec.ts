import { randomBytes } from 'node:crypto';
import { fieldAad, isSealed, openField, sealField } from './sealed-field';

describe('a sealed personal field', () => {
  const key = randomBytes(32);

  it('opens with its key, its event and its field', () => {
    const sealed = sealField('Siti Rahmah', key, 'staff:1', fieldAad('e-1', 'name'));
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('Siti');
    expect(openField(sealed, key, fieldAad('e-1', 'name'))).toBe('Siti Rahmah');
  });

  it('refuses to open when moved to another event or field', () => {
    const sealed = sealField('Siti Rahmah', key, 'staff:1', fieldAad('e-1', 'name'));
    expect(() => openField(sealed, key, fieldAad('e-2', 'name'))).toThrow();
    expect(() => openField(sealed, key, fieldAad('e-1', 'comment'))).toThrow();
  });

  it('refuses to open with another key', () => {
    const sealed = sealField({ phone: '0812' }, key, 'staff:1', 'a');
    expect(() => openField(sealed, randomBytes(32), 'a')).toThrow();
  });
});
