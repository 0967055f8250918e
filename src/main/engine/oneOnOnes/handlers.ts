import type { ApiOutput, ApiParsedInput } from '@shared/api/contract';
import type { ApiMethod } from '@shared/api/methods';
import type { Db } from '../db/open';
import { EngineError } from '../errors';
import { markOneOnOneHeld, oneOnOnePrep, oneOnOneReps, recordContext } from './prep';
import { rampReport } from './ramp';
import {
  addCommitment,
  oneOnOneHistory,
  removeCommitment,
  resolveCommitment,
  saveDraft,
  setCommitmentRule,
} from './records';
import { ruleProblem } from './ruleChecks';

type OneOnOneMethod = Extract<ApiMethod, `oneOnOnes:${string}` | `commitments:${string}` | `ramp:${string}`>;

export type OneOnOneHandlers = {
  [M in OneOnOneMethod]: (input: ApiParsedInput<M>) => ApiOutput<M>;
};

export type OneOnOneHandlerDeps = {
  db: Db;
  clock: () => number;
  /** Tells the UI one-on-ones or commitments changed, so open screens read them again. */
  changed: () => void;
};

/** The oneOnOnes:*, commitments:* and ramp:* API methods over one connection. */
export function oneOnOneHandlers({ db, clock, changed }: OneOnOneHandlerDeps): OneOnOneHandlers {
  const written = <T>(value: T): T => {
    changed();
    return value;
  };
  const checkedRule = <R extends Parameters<typeof ruleProblem>[0]>(
    rule: R | null | undefined,
    now: number,
  ): void => {
    if (!rule) return;
    const problem = ruleProblem(rule, recordContext(db, now).lookup);
    if (problem)
      throw new EngineError('invalid_input', `The commitment's check does not fit the workflow: ${problem}`);
  };
  return {
    'oneOnOnes:list': () => oneOnOneReps(db, clock()),
    'oneOnOnes:prep': ({ repId }) => oneOnOnePrep(db, { repId, now: clock() }),
    // The draft is the manager's own typing: no other screen shows it, so no change notice.
    'oneOnOnes:saveDraft': (input) => saveDraft(recordContext(db, clock()), input),
    'oneOnOnes:hold': ({ repId, heldOn }) =>
      written(markOneOnOneHeld(db, { repId, now: clock(), ...(heldOn ? { heldOn } : {}) })),
    'oneOnOnes:history': ({ repId }) => oneOnOneHistory(recordContext(db, clock()), repId),
    'commitments:add': (input) => {
      const now = clock();
      checkedRule(input.rule, now);
      return written(addCommitment(recordContext(db, now), input));
    },
    'commitments:resolve': (input) => written(resolveCommitment(recordContext(db, clock()), input)),
    'commitments:setRule': (input) => {
      const now = clock();
      checkedRule(input.rule, now);
      return written(setCommitmentRule(recordContext(db, now), input));
    },
    'commitments:remove': ({ id }) => written(removeCommitment(recordContext(db, clock()), id)),
    'ramp:report': ({ months }) => rampReport(db, { months, now: clock() }),
  };
}
