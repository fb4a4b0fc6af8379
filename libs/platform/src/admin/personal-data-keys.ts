import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { inProductionEnv, type ServiceConfig } from '@kompeten/config';
import {
  DEVELOPMENT_KEK,
  type KeyEncryptionKeys,
  LocalKeyEncryptionKeys,
  PostgresKeyStore,
} from '@kompeten/event-store';

/**
 * The key-encryption keys of a service: PERSONAL_DATA_KEK (+ _ID, _RETIRED) when set — ServiceConfig
 * requires it in production — otherwise the public development KEK, said loudly. A KMS-backed
 * KeyEncryptionKeys would be chosen here.
 */
export function keyEncryptionKeysFor(config: ServiceConfig, service: string): KeyEncryptionKeys {
  if (config.PERSONAL_DATA_KEK) {
    const keks = LocalKeyEncryptionKeys.fromSettings({
      kek: config.PERSONAL_DATA_KEK,
      kekId: config.PERSONAL_DATA_KEK_ID,
      retired: config.PERSONAL_DATA_KEK_RETIRED,
    });
    // Outside production the development KEK stays readable, so that a first own KEK rewraps what it wrapped.
    return inProductionEnv(config) ? keks : keks.withRetired(DEVELOPMENT_KEK);
  }
  new Logger('PersonalData').warn(
    `${service}: no PERSONAL_DATA_KEK, personal data keys are wrapped under the public development KEK (never for real data)`,
  );
  return new LocalKeyEncryptionKeys(DEVELOPMENT_KEK);
}

/**
 * At every start, after the migrations: wraps the keys stored in plaintext before wrapping existed,
 * and rewraps keys under a retired KEK (a rotation) under the current one. Runs before the service
 * answers; a KEK that cannot open a key stops the start (better than serving half the people).
 */
@Injectable()
export class PersonalKeysOnBoot implements OnApplicationBootstrap {
  private readonly log = new Logger('PersonalData');
  constructor(private readonly keys: PostgresKeyStore) {}

  async onApplicationBootstrap() {
    const report = await this.keys.rewrap();
    if (report.rewrapped)
      this.log.log(
        `wrapped ${report.rewrapped} personal data key(s) under KEK ${report.kekId} (${report.fromPlaintext} were in plaintext)`,
      );
  }
}
