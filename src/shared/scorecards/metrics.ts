/** The six groups a scorecard shows its figures in, in reading order. */
export const scorecardSections = [
  'compliance',
  'velocity',
  'conversion',
  'engagement',
  'friction',
  'shadowing',
] as const;
export type ScorecardSection = (typeof scorecardSections)[number];

export const sectionLabels: Record<ScorecardSection, string> = {
  compliance: 'Compliance',
  velocity: 'Velocity',
  conversion: 'Conversion',
  engagement: 'Engagement',
  friction: 'Friction',
  shadowing: 'Shadowing',
};

/** Every scored scorecard figure. */
export const scorecardMetricKeys = [
  'actions_on_time',
  'criteria_met',
  'handoff_sla',
  'days_in_stage',
  'cycle_days',
  'sales_velocity',
  'win_rate',
  'stage_conversion',
  'demo_follow_up',
  'proposal_follow_up',
  'stall_rate',
  'discount',
  'rubric_average',
  'checklist_rate',
] as const;
export type ScorecardMetricKey = (typeof scorecardMetricKeys)[number];

/** Which way is better: a higher value (win rate) or a lower one (cycle days, stalls). */
export type Direction = 'higher' | 'lower';

/** How a value reads: a share 0–1 (shown as %), days, money per day, percent points or a 1–5 score. */
export type MetricUnit = 'share' | 'days' | 'money_per_day' | 'percent' | 'score';

/** What a figure's sample counts, so a manager sees how much it rests on. */
export type SampleBasis = 'deals' | 'observations';

/** Where a figure's evidence lives: the Execution drill-down, a list of deals, or observations. */
export type DrillKind = 'execution' | 'evidence' | 'observations';

export type MetricDefinition = {
  key: ScorecardMetricKey;
  section: ScorecardSection;
  label: string;
  direction: Direction;
  unit: MetricUnit;
  /** How the figure is computed, in one sentence a manager can check. */
  definition: string;
  /** The noun of the sample size, e.g. "actions due", and its singular, "action due". */
  sampleNoun: string;
  sampleOne: string;
  /** Deal-based figures need the settings' minimum sample; shadowing needs one observation. */
  basis: SampleBasis;
  drill: DrillKind;
};

/**
 * The scorecard's figures and their exact definitions (PRODUCT.md "Definitions that must be
 * exact": win rate, cycle time, sales velocity, closed in the period, action due / on time).
 */
export const scorecardMetrics: readonly MetricDefinition[] = [
  {
    key: 'actions_on_time',
    section: 'compliance',
    label: 'Actions on time',
    direction: 'higher',
    unit: 'share',
    definition:
      'Required actions due in the period done on time: on time ÷ (on time + late + missed). Pending actions are never missed.',
    sampleNoun: 'actions due',
    sampleOne: 'action due',
    basis: 'deals',
    drill: 'execution',
  },
  {
    key: 'criteria_met',
    section: 'compliance',
    label: 'Criteria met at advancement',
    direction: 'higher',
    unit: 'share',
    definition:
      'Of the stage exits in the period that moved a deal forward, the share where every advancement criterion held at that moment.',
    sampleNoun: 'advancements',
    sampleOne: 'advancement',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'handoff_sla',
    section: 'compliance',
    label: 'Handoff SLA met',
    direction: 'higher',
    unit: 'share',
    definition:
      'Handoffs triggered in the period whose receiving role touched the deal within the SLA: met ÷ (met + late + missed).',
    sampleNoun: 'handoffs',
    sampleOne: 'handoff',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'days_in_stage',
    section: 'velocity',
    label: 'Median days in stage',
    direction: 'lower',
    unit: 'days',
    definition:
      'Median time in stage per visit, over the visits to open workflow stages that started in the period (open visits count until now).',
    sampleNoun: 'stage visits',
    sampleOne: 'stage visit',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'cycle_days',
    section: 'velocity',
    label: 'Cycle time',
    direction: 'lower',
    unit: 'days',
    definition: 'Median days from creation to the entry into the won stage, over deals won in the period.',
    sampleNoun: 'won deals',
    sampleOne: 'won deal',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'sales_velocity',
    section: 'velocity',
    label: 'Sales velocity',
    direction: 'higher',
    unit: 'money_per_day',
    definition:
      'Open opportunities at the period end × win rate × average won amount ÷ median cycle days: pipeline value turned into revenue per day.',
    sampleNoun: 'closed deals',
    sampleOne: 'closed deal',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'win_rate',
    section: 'conversion',
    label: 'Win rate',
    direction: 'higher',
    unit: 'share',
    definition: 'Won ÷ (won + lost), among deals closed in the period.',
    sampleNoun: 'closed deals',
    sampleOne: 'closed deal',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'stage_conversion',
    section: 'conversion',
    label: 'Stage conversion',
    direction: 'higher',
    unit: 'share',
    definition:
      'Over every open stage, the deals that entered it in the period and later reached a later stage (skips included), ÷ the deals that entered it.',
    sampleNoun: 'stage entries',
    sampleOne: 'stage entry',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'demo_follow_up',
    section: 'engagement',
    label: 'Demo follow-up on time',
    direction: 'higher',
    unit: 'share',
    definition:
      'Required actions anchored on a demo (recap email, next meeting booked) done within their window, of those settled.',
    sampleNoun: 'follow-ups due',
    sampleOne: 'follow-up due',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'proposal_follow_up',
    section: 'engagement',
    label: 'Proposal follow-up on time',
    direction: 'higher',
    unit: 'share',
    definition:
      'Required actions anchored on a proposal being sent done within their window, of those settled — the CRM records no “proposal opened” event, so this is how buyer engagement after a proposal is measured.',
    sampleNoun: 'follow-ups due',
    sampleOne: 'follow-up due',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'stall_rate',
    section: 'friction',
    label: 'Stalled visits',
    direction: 'lower',
    unit: 'share',
    definition:
      'Share of the visits to stages with a target that started in the period and stayed longer than the target days.',
    sampleNoun: 'stage visits',
    sampleOne: 'stage visit',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'discount',
    section: 'friction',
    label: 'Average discount',
    direction: 'lower',
    unit: 'percent',
    definition:
      'Average discount (the deal’s discount field, in percent) of the deals won in the period; a won deal without one counts as 0%. No value when none of them records a discount.',
    sampleNoun: 'won deals',
    sampleOne: 'won deal',
    basis: 'deals',
    drill: 'evidence',
  },
  {
    key: 'rubric_average',
    section: 'shadowing',
    label: 'Rubric average',
    direction: 'higher',
    unit: 'score',
    definition: 'Mean of every rubric score (1–5) in the shadowing observations dated in the period.',
    sampleNoun: 'observations',
    sampleOne: 'observation',
    basis: 'observations',
    drill: 'observations',
  },
  {
    key: 'checklist_rate',
    section: 'shadowing',
    label: 'Checklist done',
    direction: 'higher',
    unit: 'share',
    definition:
      'Checklist items observed done ÷ items observed done, partial or skipped (n.a. left out), in observations dated in the period.',
    sampleNoun: 'observations',
    sampleOne: 'observation',
    basis: 'observations',
    drill: 'observations',
  },
];

const byKey = new Map(scorecardMetrics.map((m) => [m.key, m]));

/** The definition of one scorecard figure. */
export function metricDefinition(key: ScorecardMetricKey): MetricDefinition {
  const metric = byKey.get(key);
  if (!metric) throw new RangeError(`"${key}" is not a scorecard figure`);
  return metric;
}
