import {
  type ScorecardSettings,
  defaultScorecardSettings,
  scorecardSettingsSchema,
} from '@shared/scorecards/settings';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../queries/workspace';

const WEIGHTS_KEY = 'scorecard_weights';
const TARGETS_KEY = 'scorecard_targets';

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The scorecard settings of the workspace: composite weights and minimum sample (`scorecard_weights`)
 * and the workflow-scorecard targets (`scorecard_targets`); each falls back to its default when
 * it was never saved (or no longer reads as valid).
 */
export function readScorecardSettings(db: Db): ScorecardSettings {
  const stored = parseJson(getSetting(db, WEIGHTS_KEY)) as
    | { weights?: unknown; minSample?: unknown }
    | undefined;
  const candidate = {
    weights: stored?.weights ?? defaultScorecardSettings.weights,
    minSample: stored?.minSample ?? defaultScorecardSettings.minSample,
    targets: parseJson(getSetting(db, TARGETS_KEY)) ?? defaultScorecardSettings.targets,
  };
  const parsed = scorecardSettingsSchema.safeParse(candidate);
  return parsed.success ? parsed.data : defaultScorecardSettings;
}

/** Saves validated scorecard settings (both keys in one transaction) and returns them. */
export function saveScorecardSettings(db: Db, settings: ScorecardSettings): ScorecardSettings {
  const valid = scorecardSettingsSchema.parse(settings);
  db.transaction(() => {
    setSetting(db, WEIGHTS_KEY, JSON.stringify({ weights: valid.weights, minSample: valid.minSample }));
    setSetting(db, TARGETS_KEY, JSON.stringify(valid.targets));
  })();
  return valid;
}
