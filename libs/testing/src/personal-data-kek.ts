import { randomBytes } from 'node:crypto';
import { LocalKeyEncryptionKeys } from '@kompeten/event-store';

/**
 * A key-encryption key for this test process (random, never on disk): every service a test starts
 * with `personalDataKekEnv()` wraps its personal data keys under it, and `testKeyEncryptionKeys()`
 * gives a store built by hand the same KEK.
 */
const KEK = randomBytes(32);
const KEK_ID = 'test-kek';

/** The settings a service needs to wrap keys under the test KEK (for loadConfig or a spawned process's env). */
export const personalDataKekEnv = (): Record<string, string> => ({
  PERSONAL_DATA_KEK: KEK.toString('base64'),
  PERSONAL_DATA_KEK_ID: KEK_ID,
});

/** The test KEK as a PostgresKeyStore takes it. */
export const testKeyEncryptionKeys = () => new LocalKeyEncryptionKeys({ id: KEK_ID, key: KEK });
