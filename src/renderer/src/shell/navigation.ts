import type { IconName } from '../ui/Icon';

export type NavItem = {
  path: string;
  label: string;
  icon: IconName;
  /** Screens reached from this area that keep it highlighted (Compare opens from the Process map). */
  also?: string[];
};
export type NavSection = { title: string | null; items: NavItem[] };

/** Every area of the product, in the order a manager works through them. */
export const navigation: NavSection[] = [
  {
    title: null,
    items: [
      { path: '/', label: 'Overview', icon: 'overview' },
      { path: '/deals', label: 'Deals', icon: 'deals' },
      { path: '/reps', label: 'Reps', icon: 'reps' },
    ],
  },
  {
    title: 'Set up',
    items: [
      { path: '/import', label: 'Import', icon: 'import' },
      { path: '/workflow', label: 'Workflow', icon: 'workflow' },
    ],
  },
  {
    title: 'Analyse',
    items: [
      { path: '/process-map', label: 'Process map', icon: 'processMap', also: ['/compare'] },
      { path: '/execution', label: 'Execution', icon: 'execution' },
      { path: '/funnel', label: 'Funnel & time in stage', icon: 'funnel' },
      { path: '/patterns', label: 'Patterns', icon: 'patterns' },
    ],
  },
  {
    title: 'Coach',
    items: [
      { path: '/observations', label: 'Observations', icon: 'observations' },
      { path: '/scorecards', label: 'Scorecards', icon: 'scorecards' },
      { path: '/one-on-ones', label: 'One-on-ones', icon: 'oneOnOnes' },
      { path: '/ramp', label: 'Ramp of new hires', icon: 'ramp' },
      { path: '/experiments', label: 'Experiments', icon: 'experiments' },
    ],
  },
  {
    title: 'Data',
    items: [
      { path: '/export', label: 'Export & backup', icon: 'export' },
      { path: '/settings', label: 'Settings', icon: 'currency' },
    ],
  },
];
