import type { ApiOutput, ApiParsedInput } from '@shared/api/contract';
import type { ApiMethod } from '@shared/api/methods';
import type { Db } from '../db/open';
import { currentWorkflow } from '../queries/workflow';
import { getSetting } from '../queries/workspace';
import {
  deleteObservation,
  getObservation,
  listObservations,
  restoreObservation,
  saveObservation,
} from './observations';
import { discardDraft, getDraft, saveDraft } from './observationsDrafts';
import { observationOptions, saveObservationSettings } from './observationsSettings';
import { dealStageOnDate, observationSummary } from './observationsSummary';

type ObservationMethod = Extract<ApiMethod, `observations:${string}`>;

export type ObservationHandlers = {
  [M in ObservationMethod]: (input: ApiParsedInput<M>) => ApiOutput<M>;
};

export type ObservationHandlerDeps = {
  db: Db;
  clock: () => number;
  /** Tells the UI observations changed; drafts do not, they are the form's own business. */
  changed: () => void;
};

/** The observations:* API methods over one connection. */
export function observationHandlers({ db, clock, changed }: ObservationHandlerDeps): ObservationHandlers {
  const timeZone = (): string => getSetting(db, 'time_zone') ?? 'UTC';
  const workflow = () => currentWorkflow(db).definition;
  const afterWrite = <T>(value: T): T => {
    changed();
    return value;
  };
  return {
    'observations:list': (input) => listObservations(db, input, workflow()),
    'observations:get': ({ id }) => getObservation(db, id, workflow()),
    'observations:save': (input) =>
      afterWrite(saveObservation(db, input, { now: clock(), timeZone: timeZone(), workflow: workflow() })),
    'observations:delete': ({ id }) => afterWrite(deleteObservation(db, id, clock())),
    'observations:restore': ({ id }) => afterWrite(restoreObservation(db, id, workflow())),
    'observations:draft': ({ observationId }) => getDraft(db, observationId),
    'observations:saveDraft': ({ observationId, body }) => saveDraft(db, observationId, body, clock()),
    'observations:discardDraft': ({ observationId }) => discardDraft(db, observationId),
    'observations:options': () => observationOptions(db, workflow()),
    'observations:saveSettings': (settings) => {
      saveObservationSettings(db, settings);
      return afterWrite(observationOptions(db, workflow()));
    },
    'observations:dealStage': ({ dealId, observedOn }) =>
      dealStageOnDate(db, dealId, observedOn, workflow(), timeZone()),
    'observations:summary': (input) => observationSummary(db, input),
  };
}
