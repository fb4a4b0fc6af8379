/**
 * A WHERE clause built from optional filters, values always bound as parameters (never spliced into
 * the text). `bind` returns the placeholder of a value; `and` adds a condition.
 */
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(condition: string): this {
    this.conditions.push(`(${condition})`);
    return this;
  }

  get text(): string {
    return this.conditions.length ? this.conditions.join(' and ') : 'true';
  }
}

/** A user's words as an ILIKE pattern that matches them anywhere, `%`, `_` and `\` taken literally. */
export const containsPattern = (words: string) => `%${words.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
