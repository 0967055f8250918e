import type { CurrencyBasis } from '@shared/money/rates';
import type { CurrencyOverview } from '@shared/money/settings';

/** One currency row of the form: what the data and the export say, and the user's rate as typed. */
export type CurrencyRow = {
  code: string;
  deals: number;
  exportRate: CurrencyOverview['exportRates'][number] | null;
  /** Units of the currency per one unit of the corporate currency, as typed ('' = none). */
  typed: string;
};

/** Rates saved against one base, expressed against another (null when the new base has none). */
export function rebase(
  rates: readonly { currency: string; rate: number }[],
  from: string | undefined,
  to: string | null,
): Map<string, number> {
  const out = new Map<string, number>();
  if (!from || !to) return out;
  const byCode = new Map(rates.map((r) => [r.currency, r.rate]));
  byCode.set(from, 1);
  const target = byCode.get(to);
  if (target === undefined) return out;
  for (const [code, rate] of byCode) if (code !== to) out.set(code, rate / target);
  return out;
}

/** The currencies the form lists against `corporate`: every one deals use, the export rates or the user gave a rate. */
export function currencyRows(overview: CurrencyOverview, corporate: string | null): CurrencyRow[] {
  const rates = rebase(overview.settings.rates, overview.settings.base, corporate);
  const deals = new Map(Object.entries(overview.dealCounts));
  const dealsInCorporate = overview.money.corporate;
  const codes = new Set<string>([
    ...overview.money.currencies.map((c) => c.code),
    ...(dealsInCorporate ? [dealsInCorporate] : []),
    ...overview.settings.rates.map((r) => r.currency),
  ]);
  return [...codes]
    .filter((code) => code !== corporate)
    .sort()
    .map((code) => ({
      code,
      deals: deals.get(code) ?? 0,
      exportRate: overview.exportRates.find((r) => r.currency === code) ?? null,
      typed: rates.has(code) ? String(Number(rates.get(code)!.toPrecision(8))) : '',
    }));
}

/** The typed rate as a number: null when empty, NaN when it is not a positive number. */
export function parseRate(text: string): number | null {
  const trimmed = text.trim().replace(/[\s,](?=\d{3}(\D|$))/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value > 0 ? value : Number.NaN;
}

export const basisLabels: Record<CurrencyBasis, string> = {
  corporate: 'Corporate currency',
  export_dated: "Export's dated rates",
  export: "Export's rate",
  settings: 'Your rate',
  none: 'No rate: not summed',
};
