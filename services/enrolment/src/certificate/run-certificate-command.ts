import type { QueryRunner } from 'typeorm';
import { EventStore, handleCommand, type EventMetadata } from '@kompeten/event-store';
import { certificateStreamId, type CertificateCommand } from './certificate.commands';
import { certificateDecider } from './certificate.decider';

/**
 * Every certificate command ends here: load the certificate's stream, decide, append. `holder` is the
 * NIP the revocation note is sealed under (an officer's words about the holder: personal data).
 */
export async function runCertificateCommand(
  store: EventStore,
  command: CertificateCommand,
  metadata: EventMetadata,
  options: { tx?: QueryRunner; holder?: string } = {},
) {
  const streamId = certificateStreamId(command.number);
  const result = await handleCommand(store, certificateDecider, streamId, command, metadata, {
    tx: options.tx,
    personal: (e) =>
      e.type === 'CertificateRevoked' && e.data.note !== null && options.holder
        ? { subject: `staff:${options.holder}`, fields: ['note'] }
        : undefined,
  });
  return { streamId, result };
}
