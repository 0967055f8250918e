import { type ReactNode, createContext, useContext } from 'react';

const PeriodContext = createContext<string | null>(null);

export type ExportPeriodProps = {
  /** What the tables inside cover, named in their CSV files: "Q4 2026", or a range of days. */
  period: string | null | undefined;
  children: ReactNode;
};

/**
 * Names the period of a report screen once for every table in it: their CSV files are called
 * `stagecoach-<table>-<period>.csv` instead of carrying the day of the export.
 */
export function ExportPeriod({ period, children }: ExportPeriodProps) {
  return <PeriodContext value={period ?? null}>{children}</PeriodContext>;
}

/** "2026-07-01 to 2026-09-30", or null while the period is incomplete. */
export function periodOfRange(range: { from: string; to: string } | null | undefined): string | null {
  return range ? `${range.from} to ${range.to}` : null;
}

/** The period set by the nearest ExportPeriod, if any. */
export function useExportPeriod(): string | null {
  return useContext(PeriodContext);
}
