import { Logger } from '@nestjs/common';

/** What the relay, consumers and projections log through; Nest's Logger and `console` both fit. */
export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const defaultLogger = (context: string): MessagingLogger => new Logger(context);

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
