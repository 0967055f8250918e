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
