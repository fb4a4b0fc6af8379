/** The time, injected: deciders never read the clock; handlers ask this (tests replace it). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now() {
    return new Date();
  }
}
