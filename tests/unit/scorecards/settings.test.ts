import { describe, expect, it } from 'vitest';
import {
  type WorkflowTarget,
  defaultScorecardSettings,
  describeTarget,
  evaluateTarget,
  scorecardSettingsSchema,
  weightOf,
} from '@shared/scorecards/settings';

const percent = (_metric: unknown, value: number) => `${Math.round(value * 100)}%`;

describe('scorecard settings', () => {
  it('accepts the defaults', () => {
    expect(scorecardSettingsSchema.parse(defaultScorecardSettings)).toEqual(defaultScorecardSettings);
  });

  it('refuses negative weights, unknown figures and all-zero weights with a clear message', () => {
    const negative = scorecardSettingsSchema.safeParse({
      ...defaultScorecardSettings,
      weights: { win_rate: -1 },
    });
    expect(negative.error?.issues[0]?.message).toBe('a weight cannot be negative');
    expect(
      scorecardSettingsSchema.safeParse({ ...defaultScorecardSettings, weights: { happiness: 2 } }).success,
    ).toBe(false);
    const zeros = Object.fromEntries(Object.keys(defaultScorecardSettings.weights).map((k) => [k, 0]));
    expect(
      scorecardSettingsSchema.safeParse({ ...defaultScorecardSettings, weights: zeros }).error?.issues[0]
        ?.message,
    ).toBe('give at least one figure a weight above 0');
  });

  it('refuses a share target above 100% and a minimum sample of 0', () => {
    const target = scorecardSettingsSchema.safeParse({
      ...defaultScorecardSettings,
      targets: [{ scope: 'team', metric: 'win_rate', threshold: 1.5 }],
    });
    expect(target.error?.issues[0]?.message).toBe('the target for Win rate is out of range');
    expect(scorecardSettingsSchema.safeParse({ ...defaultScorecardSettings, minSample: 0 }).success).toBe(
      false,
    );
  });

  it('gives a figure the stored weights do not name its default weight', () => {
    expect(weightOf({ win_rate: 5 }, 'win_rate')).toBe(5);
    expect(weightOf({ win_rate: 5 }, 'actions_on_time')).toBe(3);
    expect(weightOf({ actions_on_time: 0 }, 'actions_on_time')).toBe(0);
  });
});

describe('workflow-scorecard targets', () => {
  it('meets a team target when the team value reaches the threshold in the figure direction', () => {
    const target: WorkflowTarget = { scope: 'team', metric: 'actions_on_time', threshold: 0.8 };
    expect(evaluateTarget(target, 0.8, []).met).toBe(true);
    expect(evaluateTarget(target, 0.79, []).met).toBe(false);
    expect(evaluateTarget(target, null, []).met).toBeNull();
    const stalls: WorkflowTarget = { scope: 'team', metric: 'stall_rate', threshold: 0.2 };
    expect(evaluateTarget(stalls, 0.15, []).met).toBe(true);
    expect(evaluateTarget(stalls, 0.25, []).met).toBe(false);
  });

  it('meets a reps target when enough of the reps with a value reach the threshold', () => {
    const target: WorkflowTarget = { scope: 'reps', metric: 'checklist_rate', threshold: 0.8, share: 0.75 };
    // 3 of the 4 reps with a value reach 80%: 75% ≥ 75%.
    expect(evaluateTarget(target, null, [0.9, 0.8, null, 0.85, 0.4])).toEqual({
      actual: 0.75,
      repsCounted: 4,
      repsMeeting: 3,
      met: true,
    });
    // 9 of 10 is exactly 90%.
    const ninety: WorkflowTarget = { ...target, share: 0.9 };
    expect(evaluateTarget(ninety, null, [...Array(9).fill(0.9), 0.1]).met).toBe(true);
    expect(evaluateTarget(ninety, null, [...Array(8).fill(0.9), 0.1, 0.1]).met).toBe(false);
    expect(evaluateTarget(target, null, [null]).met).toBeNull();
  });

  it('reads as a sentence', () => {
    expect(describeTarget({ scope: 'team', metric: 'actions_on_time', threshold: 0.8 }, percent)).toBe(
      'Team: Actions on time ≥ 80%',
    );
    expect(
      describeTarget({ scope: 'reps', metric: 'checklist_rate', threshold: 0.8, share: 0.9 }, percent),
    ).toBe('90% of reps: Checklist done ≥ 80%');
    expect(describeTarget({ scope: 'reps', metric: 'stall_rate', threshold: 0.2, share: 1 }, percent)).toBe(
      'Every rep: Stalled visits ≤ 20%',
    );
  });
});
