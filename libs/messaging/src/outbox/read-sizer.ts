/**
 * How many events the relay reads per round, sized by bytes rather than by a fixed count: a round
 * should fill about one Kafka send (`targetBytes`), since each send waits for one broker round trip
 * with acks=all — 200 small events left most of a send empty (BENCHMARKS.md: 1,000 events per round
 * relayed 18 % more than 200). The next round's count is the target divided by the average size of
 * the events last read, kept between 1 and `maxEvents`; so a log of large events is read in
 * small rounds and memory stays near the target whatever the events weigh.
 */
export class ReadSizer {
  private limit: number;

  constructor(
    private readonly targetBytes: number,
    private readonly maxEvents: number,
    firstRound = 200,
  ) {
    this.limit = Math.max(1, Math.min(firstRound, maxEvents));
  }

  /** Events to read in the next round. */
  next(): number {
    return this.limit;
  }

  /** What the last round read: its events and their estimated bytes on the wire. */
  observe(events: number, bytes: number): void {
    if (events === 0 || bytes <= 0) return;
    const perEvent = bytes / events;
    this.limit = Math.max(1, Math.min(this.maxEvents, Math.floor(this.targetBytes / perEvent)));
  }
}
