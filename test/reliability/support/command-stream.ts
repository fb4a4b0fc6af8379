import { signedFor } from './signed-calls';

/** What one HTTP command answered: a status code, or `timeout` / `network-error`. */
export type Answer = number | 'timeout' | 'network-error';

/** POSTs JSON and says what came back (never throws). */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<{ status: Answer; body: unknown }> {
  try {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedFor('POST', url), ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await r.text();
    return { status: r.status, body: text ? safeJson(text) : undefined };
  } catch (e) {
    return { status: (e as Error).name === 'TimeoutError' ? 'timeout' : 'network-error', body: (e as Error).message };
  }
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export interface StreamTally {
  /** Commands started. */
  sent: number;
  /** `<command> <answer>` → count. */
  answers: Record<string, number>;
}

/**
 * A steady stream of commands: a new iteration every 1/perSecond s while `running()` (skipped while
 * `maxInFlight` are still waiting, so a stalled service is not buried). Each iteration may send
 * several commands and reports each one's answer.
 */
export async function commandStream(options: {
  perSecond: number;
  maxInFlight?: number;
  running: () => boolean;
  iteration: (i: number, answered: (command: string, status: Answer) => void) => Promise<void>;
}): Promise<StreamTally> {
  const tally: StreamTally = { sent: 0, answers: {} };
  const answered = (command: string, status: Answer) => {
    tally.sent++;
    tally.answers[`${command} ${status}`] = (tally.answers[`${command} ${status}`] ?? 0) + 1;
  };
  const inFlight = new Set<Promise<void>>();
  const every = 1000 / options.perSecond;
  for (let i = 0, next = Date.now(); options.running(); next += every) {
    if (inFlight.size < (options.maxInFlight ?? 16)) {
      const p: Promise<void> = options
        .iteration(i++, answered)
        .catch(() => answered('iteration', 'network-error'))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, next + every - Date.now())));
  }
  await Promise.all(inFlight);
  return tally;
}

/** Answers outside the allowed set, e.g. `unexpected(tally, [201, 503])`. */
export const unexpectedAnswers = (tally: StreamTally, allowed: Answer[]) =>
  Object.fromEntries(
    Object.entries(tally.answers).filter(([k]) => !allowed.map(String).includes(k.slice(k.lastIndexOf(' ') + 1))),
  );

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
