import { post } from './command-stream';
import { Db, processedIds } from './db';
import { tally, Tally } from './figures';
import { staffBody, transferBody } from './mothers';

/** Registers each NIP in `opd` and transfers it to `toOpd` (two events each), `concurrency` at a time; every command must succeed. */
export async function registerAndTransfer(
  enrolmentUrl: string,
  nips: string[],
  opd: string,
  toOpd: string,
  concurrency = 8,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < nips.length; i = next++) {
      for (const [path, body] of [
        ['/staff', staffBody(nips[i], opd)],
        [`/staff/${nips[i]}/transfers`, transferBody(toOpd)],
      ] as const) {
        const { status, body: answer } = await post(`${enrolmentUrl}${path}`, body);
        if (status !== 201) throw new Error(`${path} answered ${status}: ${JSON.stringify(answer)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * feedback's copy of the roster against enrolment's log, for the NIPs given: every registration and
 * transfer applied (by event id, msg_processed), and applied once (each leaves exactly one
 * fb_staff_assignment row: a second application of a transfer would open another).
 */
export async function rosterCopyFigures(
  enrolment: Db,
  feedback: Db,
  nips: string[],
): Promise<{ ids: Tally; registrations: Tally; transfers: Tally }> {
  const ours = new Set(nips);
  const logged = await enrolment.rows<{ event_id: string; nip: string }>(
    `select event_id, payload->>'nip' as nip from es_event where type = any($1)`,
    [['StaffRegistered', 'StaffTransferred']],
  );
  const expected = new Set(logged.filter((r) => ours.has(r.nip)).map((r) => r.event_id));
  const assignments = await feedback.rows<{ nip: string; closed: boolean }>(
    'select nip, to_date is not null as closed from fb_staff_assignment where nip = any($1)',
    [nips],
  );
  return {
    ids: tally(
      expected,
      (await processedIds(feedback, 'feedback.staff-training')).filter((id) => expected.has(id)),
    ),
    registrations: tally(
      nips,
      assignments.filter((a) => a.closed).map((a) => a.nip),
    ),
    transfers: tally(
      nips,
      assignments.filter((a) => !a.closed).map((a) => a.nip),
    ),
  };
}
