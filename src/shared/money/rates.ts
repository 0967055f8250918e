/**
 * Currency conversion (PRODUCT.md "Amounts"): each amount keeps its own currency; a sum across
 * currencies converts every amount into the workspace's corporate currency at a rate of the
 * export itself (Salesforce CurrencyType / DatedConversionRate) or one the user entered in
 * Settings — never adds two currencies raw. Rates follow Salesforce's convention: how many units
 * of the currency one unit of the rate set's base buys (base = 1).
 */

/** Where a rate comes from: the CRM export's own table, or the user's entry in Settings. */
export type RateSource = 'export' | 'settings';

export type Rate = {
  currency: string;
  /** Units of `currency` per one unit of the rate set's base. */
  rate: number;
  /** First day the rate applies (inclusive, YYYY-MM-DD); null for an undated rate. */
  from: string | null;
  /** First day it no longer applies (exclusive); null when open-ended. */
  to: string | null;
};

export type RateSet = { source: RateSource; base: string; rates: readonly Rate[] };

/** How amounts in one currency reach the corporate currency. */
export type CurrencyBasis =
  /** It is the corporate currency: nothing to convert. */
  | 'corporate'
  /** The export's dated rates (the one in force on each deal's date). */
  | 'export_dated'
  /** The export's single (undated) rate. */
  | 'export'
  /** A rate entered in Settings. */
  | 'settings'
  /** No rate: amounts in it cannot be added to the others. */
  | 'none';

export type Converter = {
  /** The currency sums are given in; null when no deal says its currency and none is set. */
  corporate: string | null;
  /**
   * The amount in the corporate currency on `date` (YYYY-MM-DD), or null when there is no rate
   * for its currency. A null currency is the corporate one (a file without a currency column).
   */
  convert(amount: number, currency: string | null, date: string | null): number | null;
  /** {@link convert} on the UTC day of an epoch-ms moment, worked out only when a rate is needed. */
  convertAt(amount: number, currency: string | null, at: number | null): number | null;
  basis(currency: string | null): CurrencyBasis;
};

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The rate of `currency` in `set` on `date`: a dated one in force then, else an undated one. */
function rateOn(
  set: RateSet,
  currency: string,
  date: string | null,
): { rate: number; dated: boolean } | null {
  if (currency === set.base) return { rate: 1, dated: false };
  let undated: number | null = null;
  for (const r of set.rates) {
    if (r.currency !== currency || !(r.rate > 0)) continue;
    if (r.from === null && r.to === null) {
      undated = r.rate;
      continue;
    }
    if (date === null || !isoDay.test(date)) continue;
    if ((r.from === null || r.from <= date) && (r.to === null || date < r.to))
      return { rate: r.rate, dated: true };
  }
  return undated === null ? null : { rate: undated, dated: false };
}

function hasRate(set: RateSet, currency: string): { dated: boolean } | null {
  if (currency === set.base) return { dated: false };
  const rows = set.rates.filter((r) => r.currency === currency && r.rate > 0);
  if (rows.length === 0) return null;
  return { dated: rows.some((r) => r.from !== null || r.to !== null) };
}

/**
 * A converter into `corporate` from rate sets tried in order (the export's first: the org's own
 * rates, dated, are the better evidence; then the user's). A set converts a currency when it
 * knows both it and the corporate currency, so rates need not be against the corporate one.
 */
export function createConverter(corporate: string | null, sets: readonly RateSet[]): Converter {
  const basisCache = new Map<string, CurrencyBasis>();
  const basis = (currency: string | null): CurrencyBasis => {
    if (currency === null || corporate === null || currency === corporate) return 'corporate';
    const cached = basisCache.get(currency);
    if (cached) return cached;
    let found: CurrencyBasis = 'none';
    for (const set of sets) {
      const from = hasRate(set, currency);
      if (!from || !hasRate(set, corporate)) continue;
      found = set.source === 'settings' ? 'settings' : from.dated ? 'export_dated' : 'export';
      break;
    }
    basisCache.set(currency, found);
    return found;
  };
  const convert = (amount: number, currency: string | null, date: string | null): number | null => {
    if (currency === null || corporate === null || currency === corporate) return amount;
    for (const set of sets) {
      const from = rateOn(set, currency, date);
      const to = rateOn(set, corporate, date);
      if (from && to) return (amount / from.rate) * to.rate;
    }
    return null;
  };
  return {
    corporate,
    basis,
    convert,
    convertAt: (amount, currency, at) =>
      currency === null || corporate === null || currency === corporate
        ? amount
        : convert(amount, currency, rateDay(at)),
  };
}

/** The UTC calendar day of an epoch-ms moment, the date a dated rate is looked up by. */
export function rateDay(at: number | null): string | null {
  return at === null ? null : new Date(at).toISOString().slice(0, 10);
}

/** What the workspace's amounts are in and how each currency gets there, for every screen. */
export type MoneyInfo = {
  corporate: string | null;
  /** Why that currency: chosen in Settings, the export's corporate currency, or the one most deals use. */
  corporateFrom: 'settings' | 'export' | 'deals' | null;
  /** Every currency deals are in (other than the corporate one), with how its amounts convert. */
  currencies: { code: string; deals: number; basis: CurrencyBasis }[];
};

/** Currencies whose amounts cannot be converted: sums that need them are not given. */
export function currenciesWithoutRate(money: MoneyInfo): string[] {
  return money.currencies.filter((c) => c.basis === 'none').map((c) => c.code);
}

const basisText: Record<Exclude<CurrencyBasis, 'corporate' | 'none'>, string> = {
  export_dated: "at the export's dated rates",
  export: "at the export's rates",
  settings: 'at the rates entered in Settings',
};

/**
 * One sentence saying what sums are in and how other currencies were converted, or null when
 * every deal is in one currency (there is nothing to say).
 */
export function conversionNote(money: MoneyInfo): string | null {
  if (money.corporate === null || money.currencies.length === 0) return null;
  const parts: string[] = [];
  for (const basis of ['export_dated', 'export', 'settings'] as const) {
    const codes = money.currencies.filter((c) => c.basis === basis).map((c) => c.code);
    if (codes.length > 0) parts.push(`${codes.join(', ')} converted ${basisText[basis]}`);
  }
  const missing = currenciesWithoutRate(money);
  const sentence = `Amounts in ${money.corporate}${parts.length ? `; ${parts.join('; ')}` : ''}.`;
  if (missing.length === 0) return sentence;
  return `${sentence} No rate for ${missing.join(', ')}: sums that include ${missing.length === 1 ? 'it' : 'them'} are not shown until a rate is entered in Settings.`;
}
