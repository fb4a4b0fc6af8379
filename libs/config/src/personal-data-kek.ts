import fs from 'node:fs';
import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';

/** 32 bytes in base64, as `openssl rand -base64 32` prints them. */
const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;

/** Whether the settings say production (NODE_ENV=production), whichever config class holds them. */
export const inProductionEnv = (c: object) => (c as { NODE_ENV?: string }).NODE_ENV === 'production';

/**
 * PERSONAL_DATA_KEK: the key-encryption key, inline (base64 of 32 bytes) or a file holding it (a
 * mounted secret). Required in production: without it the per-person keys would be wrapped under the
 * public development KEK, and a database dump would open everything.
 */
@ValidatorConstraint({ name: 'personalDataKek' })
export class PersonalDataKek implements ValidatorConstraintInterface {
  validate(value: unknown) {
    if (typeof value !== 'string' || value.trim() === '') return false;
    if (BASE64_32.test(value.trim())) return true;
    try {
      return BASE64_32.test(fs.readFileSync(value, 'utf8').trim());
    } catch {
      return false;
    }
  }
  defaultMessage(args: ValidationArguments) {
    return args.value === undefined
      ? 'PERSONAL_DATA_KEK is required in production (NODE_ENV=production): the key-encryption key for personal data keys, 32 bytes in base64 or a file holding them'
      : 'PERSONAL_DATA_KEK must be 32 bytes in base64 (openssl rand -base64 32) or the path of a file holding them';
  }
}
