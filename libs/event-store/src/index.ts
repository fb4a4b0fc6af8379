export { eventStoreMigrations } from './schema';
export type {
  DomainEvent,
  EventMetadata,
  EventRecord,
  ExpectedVersion,
  NewEvent,
  PersonalData,
  StoredEvent,
  StreamAppend,
  AppendCondition,
} from './store/event-envelope';
export { parentStreamOf } from './store/event-envelope';
export { EventStore, APPENDED_CHANNEL } from './store/event-store';
export type { EventStoreOptions } from './store/event-store';
export { EventOpener } from './store/event-opener';
export { RECORD_COLUMNS, toRecord } from './store/record-mapping';
export type { EventRow } from './store/record-mapping';
export {
  WrongExpectedVersionError,
  AppendConditionError,
  PersonErasedError,
  UnknownSchemaVersionError,
} from './store/errors';
export { eventHash, hashedForm, GENESIS_HASH } from './chain/event-hash';
export { verifyChain } from './chain/verify-chain';
export type { ChainReport, ChainBreak } from './chain/verify-chain';
export type { PersonalKeyStore } from './personal-data/personal-key-store';
export { PostgresKeyStore } from './personal-data/postgres-key-store';
export type { RewrapReport } from './personal-data/postgres-key-store';
export type { KeyEncryptionKeys, WrappedKey } from './personal-data/key-encryption-keys';
export { DEVELOPMENT_KEK, LocalKeyEncryptionKeys, readKek } from './personal-data/local-key-encryption-keys';
export type { LocalKekSettings } from './personal-data/local-key-encryption-keys';
export { ERASABLE_SUBJECT, PersonEraser } from './personal-data/person-eraser';
export type { ErasurePlace, ErasureRequest, ServiceErasureReport } from './personal-data/person-eraser';
export { isSealed } from './personal-data/sealed-field';
export type { SealedField } from './personal-data/sealed-field';
export { UpcasterRegistry } from './upcasting/upcasters';
export type { Upcaster } from './upcasting/upcasters';
export { contractUpcasters } from './upcasting/contract-upcasters';
// Deciders live in @kompeten/domain (framework-free); re-exported here for existing importers.
export type { Decider } from './decider/decider';
export { fold, givenEvents } from './decider/decider';
export { handleCommand } from './decider/handle-command';
export type { HandleOptions, HandleResult } from './decider/handle-command';
