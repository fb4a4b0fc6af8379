import type { XapiStatementAccepted, XapiStatementEvent } from '@kompeten/contracts';
import { DomainError, type Decider } from '@kompeten/domain';

export type RecordXapiStatement = { type: 'RecordXapiStatement'; data: XapiStatementAccepted['data'] };
/** The digest of the statement applied under this id, or null when none was. */
export type XapiStatementState = { sha256: string | null };

export const xapiStatementStreamId = (statementId: string) => `xapi-statement-${statementId}`;

export const xapiStatementProblems = {
  /** xAPI statements are immutable: the same id must carry the same statement. */
  conflict: (statementId: string) =>
    DomainError.conflict(
      'xapi-statement-conflict',
      'Another statement has this id',
      `statement ${statementId} was received before with other content: a statement is never changed (send a new id)`,
      { statementId },
    ),
};

/** One statement id, one statement: the first copy is recorded, an identical one appends nothing, another is refused. */
export const xapiStatementDecider: Decider<RecordXapiStatement, XapiStatementState, XapiStatementEvent> = {
  initialState: () => ({ sha256: null }),
  evolve: (_, e) => ({ sha256: e.data.sha256 }),
  decide(c, s) {
    if (s.sha256 === null) return [{ type: 'XapiStatementAccepted', data: c.data }];
    if (s.sha256 === c.data.sha256) return [];
    throw xapiStatementProblems.conflict(c.data.statementId);
  },
};
