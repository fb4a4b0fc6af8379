import { unsafeUniformIntDistribution, xoroshiro128plus, RandomGenerator } from 'pure-rand';

/** FNV-1a over a string: turns (seed, label) into the 32-bit seed of an independent stream. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * A seeded random stream. Every part of the plan draws from its own stream (`fork('surveys:…')`),
 * so adding a staff member never changes a survey answer: the scenario stays reproducible part by part.
 */
export class SeededRandom {
  private readonly rng: RandomGenerator;

  constructor(
    readonly seed: number,
    readonly label = 'root',
  ) {
    this.rng = xoroshiro128plus(hash32(`${seed}:${label}`));
  }

  fork(label: string): SeededRandom {
    return new SeededRandom(this.seed, `${this.label}/${label}`);
  }

  /** Uniform in [0, 1), 53 bits. */
  next(): number {
    const a = (this.rng.unsafeNext() >>> 0) >>> 5;
    const b = (this.rng.unsafeNext() >>> 0) >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number {
    return unsafeUniformIntDistribution(from, to, this.rng);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight: `weighted([['workload', 55], ['illness', 15]])`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, w] of entries) if ((x -= w) < 0) return value;
    return entries[entries.length - 1][0];
  }

  /** Standard normal (Box–Muller), scaled. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A UUID (version-4 layout) drawn from this stream: the same seed sends the same ids again. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + this.int(0, 3)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
