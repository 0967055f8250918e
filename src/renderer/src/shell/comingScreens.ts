import type { IconName } from '../ui/Icon';

export type ComingScreen = {
  path: string;
  title: string;
  icon: IconName;
  /** The question the screen answers, in one sentence. */
  summary: string;
  /** What it will hold, from the product brief. */
  contents: string[];
  /** Who reaches for it first. */
  audience: string;
};

/** The areas of PRODUCT.md that this version does not show yet, with what each will hold. */
export const comingScreens: ComingScreen[] = [
  {
    path: '/workflow',
    title: 'Workflow',
    icon: 'workflow',
    summary: 'Write down how deals should move: stages, required actions, criteria and handoffs.',
    contents: [
      'Stages with their order, group (Prospect, Advance, Close, Expand), owner role and target days in stage.',
      'Required actions per stage with deadlines relative to an anchor, and advancement criteria checked when a deal leaves the stage.',
      'Handoff protocols between roles with a first-touch SLA, and activity-type mapping rules.',
      'Every change saved as a new dated version, exportable and importable as JSON or YAML.',
    ],
    audience: 'RevOps and sales leadership',
  },
  {
    path: '/process-map',
    title: 'Process map',
    icon: 'processMap',
    summary: 'The paths deals actually take, laid over the workflow you defined.',
    contents: [
      'Path variants through stages and actions, with their counts and durations.',
      'A directly-follows graph, as process-mining tools draw it, where rogue paths stand out.',
      'Two or three deals side by side from one stage to another, aligned on time.',
    ],
    audience: 'Sales managers and RevOps',
  },
  {
    path: '/execution',
    title: 'Execution',
    icon: 'execution',
    summary: 'For every deal and every stage it passed through, what was done as the workflow asks.',
    contents: [
      'Required actions done, done late, missed or still pending.',
      'Whether the advancement criteria held at the moment the deal advanced.',
      'Whether each handoff met its first-touch SLA.',
      'Every figure drills down to the deals and activities behind it.',
    ],
    audience: 'Sales managers',
  },
  {
    path: '/funnel',
    title: 'Funnel & time in stage',
    icon: 'funnel',
    summary: 'Where deals convert, where they wait, and where they stall.',
    contents: [
      'Stage-to-stage conversion, with skipped stages reported.',
      'Time in stage per visit and per deal: median, p75 and the distribution.',
      'Stalled deals over their target days, lead response time and demo → next-step rate.',
      'Proposal → signature time, discount trend and CS handoff timeliness.',
    ],
    audience: 'Sales leadership',
  },
  {
    path: '/patterns',
    title: 'Patterns',
    icon: 'patterns',
    summary: 'Success patterns and failure points, with the sample sizes behind them.',
    contents: [
      'Actions and habits that separate won from lost deals, as lift in win rate and cycle time.',
      'What top-quartile reps do differently from the rest.',
      'Where lost and stalled deals stopped, and what they missed before.',
    ],
    audience: 'Coaches and sales leadership',
  },
  {
    path: '/observations',
    title: 'Observations',
    icon: 'observations',
    summary: 'A fast, keyboard-first log of shadowed deals, tied to the deal, the stage and its checklist.',
    contents: [
      'Coach, rep, deal, stage and date, with the stage checklist marked done, partial, skipped or n.a.',
      'Rubric scores and tags for what was seen (outdated deck, required field skipped, rogue step…).',
      'Notes and commitments that carry over to the next one-on-one.',
    ],
    audience: 'Coaches and enablement',
  },
  {
    path: '/scorecards',
    title: 'Scorecards',
    icon: 'scorecards',
    summary:
      'Per rep and per team, per month or quarter, against the team benchmark and the previous period.',
    contents: [
      'Compliance: actions on time, criteria met at advancement, handoff SLA.',
      'Velocity, conversion, engagement and friction (stalls, discount).',
      'Shadowing scores, with charts and the evidence one click away.',
    ],
    audience: 'Sales managers and leadership',
  },
  {
    path: '/one-on-ones',
    title: 'One-on-ones',
    icon: 'oneOnOnes',
    summary: 'Everything to prepare a rep’s one-on-one, offline.',
    contents: [
      'What changed since the last one-on-one, and the top gaps with their evidence.',
      'Deals at risk and recent observations.',
      'Open commitments and talking points; notes and new commitments saved for next time.',
    ],
    audience: 'Sales managers',
  },
  {
    path: '/experiments',
    title: 'Experiments',
    icon: 'experiments',
    summary: 'One bottleneck per quarter, attacked with a small, measured change.',
    contents: [
      'Ranked bottleneck candidates to pick from.',
      'An experiment names the bottleneck, hypothesis, change, workflow version, participants, primary metric and window.',
      'Results against the baseline or a control group, with effect size, confidence interval and sample size — or “not enough data”.',
      'A decision log: adopt, refine or revert.',
    ],
    audience: 'Sales leadership',
  },
  {
    path: '/export',
    title: 'Export & backup',
    icon: 'export',
    summary: 'Take the evidence out of the app, and keep the workspace safe.',
    contents: [
      'Scorecard and one-on-one PDFs, for one rep or every rep in one go.',
      'CSV of any table, safe against spreadsheet formula injection.',
      'Workspace backup and restore.',
    ],
    audience: 'Sales leadership and RevOps',
  },
];
