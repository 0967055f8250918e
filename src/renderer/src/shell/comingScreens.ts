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
];
