/** Something a service needs before it can serve: Postgres, Kafka, … */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects (with a short reason) when it does not. */
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Rejects after `ms` so that one hung dependency cannot hang the readiness probe. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
