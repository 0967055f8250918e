/** One of the method's stage metrics: a value, its unit, how many deals it rests on. */
export type StageMetric = {
  key: string;
  label: string;
  /** How the figure is computed, in one sentence a manager can check. */
  definition: string;
  value: number | null;
  unit: 'hours' | 'days' | 'share' | 'percent' | 'count';
  deals: number;
};

export type DiscountMonth = { month: string; wonDeals: number; averageDiscountPercent: number | null };

export type StageMetricsReport = {
  versionId: number;
  version: number;
  from: string;
  to: string;
  metrics: StageMetric[];
  discountByMonth: DiscountMonth[];
};
