import {
  type Converter,
  type CurrencyBasis,
  type MoneyInfo,
  type Rate,
  type RateSet,
  createConverter,
} from '@shared/money/rates';
import {
  type CurrencyOverview,
  type CurrencySettings,
  type ExportRateSummary,
  currencySettingsSchema,
} from '@shared/money/settings';
import type { Db } from '../db/open';
import { dataRevision } from './dataRevision';

const SETTINGS_KEY = 'currency';

/** The stored setting as text (null: never saved). Read here, not through workspace.ts, which imports this module. */
function currencySetting(db: Db): string | null {
  return (
    (
      db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as
        | { value: string }
        | undefined
    )?.value ?? null
  );
}

export function readCurrencySettings(db: Db, raw: string | null = currencySetting(db)): CurrencySettings {
  if (raw === null) return { corporate: null, rates: [] };
  const parsed = currencySettingsSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : { corporate: null, rates: [] };
}

type ExportRateRow = {
  source: string;
  currency: string;
  rate: number;
  from: string | null;
  to: string | null;
  isCorporate: number;
};

/**
 * The export's rate sets, one per source. The base is the currency the CRM marks corporate, else
 * the one whose every rate is 1 (Salesforce writes the corporate currency's dated rows at 1); a
 * source with neither converts nothing rather than guessing.
 */
function exportRateSets(db: Db): RateSet[] {
  const rows = db
    .prepare(
      `SELECT source, currency, rate, start_date AS "from", end_date AS "to", is_corporate AS isCorporate
       FROM currency_rates ORDER BY source, currency, start_date`,
    )
    .all() as ExportRateRow[];
  const bySource = new Map<string, ExportRateRow[]>();
  for (const row of rows) bySource.set(row.source, [...(bySource.get(row.source) ?? []), row]);
  const sets: RateSet[] = [];
  for (const sourceRows of bySource.values()) {
    const marked = sourceRows.find((r) => r.isCorporate === 1)?.currency;
    const byCurrency = new Map<string, ExportRateRow[]>();
    for (const r of sourceRows) byCurrency.set(r.currency, [...(byCurrency.get(r.currency) ?? []), r]);
    const ones = [...byCurrency].filter(([, list]) => list.every((r) => r.rate === 1)).map(([code]) => code);
    const base = marked ?? (ones.length === 1 ? ones[0] : undefined);
    if (!base) continue;
    const rates: Rate[] = sourceRows.map((r) => ({
      currency: r.currency,
      rate: r.rate,
      from: r.from,
      to: r.to,
    }));
    sets.push({ source: 'export', base, rates });
  }
  return sets;
}

function settingsRateSet(settings: CurrencySettings): RateSet | null {
  if (!settings.base || settings.rates.length === 0) return null;
  return {
    source: 'settings',
    base: settings.base,
    rates: settings.rates.map((r) => ({ currency: r.currency, rate: r.rate, from: null, to: null })),
  };
}

/** Deal counts per currency, most used first (a deal without one is in the corporate currency). */
function dealCurrencies(db: Db): { code: string; deals: number }[] {
  return db
    .prepare(
      `SELECT currency AS code, count(*) AS deals FROM deals WHERE currency IS NOT NULL
       GROUP BY currency ORDER BY deals DESC, currency`,
    )
    .all() as { code: string; deals: number }[];
}

type Money = { converter: Converter; info: MoneyInfo };

/**
 * The workspace's corporate currency and converter. The corporate currency is the one chosen in
 * Settings, else the export's corporate currency, else the currency most deals are in.
 */
export function loadMoney(db: Db): Money {
  // Every report loads it (a scorecard or a prep several times): it changes only with the data
  // (an import, an undo, the demo: each moves the data revision on) or the saved setting.
  const raw = currencySetting(db);
  const key = `${dataRevision(db)}\u0000${raw ?? ''}`;
  const cached = moneyCache.get(db);
  if (cached?.key === key) return cached.money;
  const money = computeMoney(db, readCurrencySettings(db, raw));
  moneyCache.set(db, { key, money });
  return money;
}

const moneyCache = new WeakMap<Db, { key: string; money: Money }>();

function computeMoney(db: Db, settings: CurrencySettings): Money {
  const exportSets = exportRateSets(db);
  const used = dealCurrencies(db);
  const [corporate, corporateFrom]: [string | null, MoneyInfo['corporateFrom']] = settings.corporate
    ? [settings.corporate, 'settings']
    : exportSets[0]
      ? [exportSets[0].base, 'export']
      : used[0]
        ? [used[0].code, 'deals']
        : [null, null];
  const userSet = settingsRateSet(settings);
  const converter = createConverter(corporate, userSet ? [...exportSets, userSet] : exportSets);
  const currencies = used
    .filter((c) => c.code !== corporate)
    .map((c) => ({ ...c, basis: converter.basis(c.code) as CurrencyBasis }));
  return { converter, info: { corporate, corporateFrom, currencies } };
}

export function moneyInfo(db: Db): MoneyInfo {
  return loadMoney(db).info;
}

/** Saves the corporate currency and the user's rates (against it); the figures follow. */
export function saveCurrencySettings(db: Db, input: CurrencySettings): CurrencySettings {
  // The rates are against the corporate currency the screen showed: the chosen one, or else
  // the one the workspace falls back to.
  const base = input.corporate ?? computeMoney(db, { corporate: null, rates: [] }).info.corporate;
  const saved: CurrencySettings = {
    corporate: input.corporate,
    ...(base ? { base } : {}),
    rates: input.rates.filter((r) => r.currency !== base),
  };
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(SETTINGS_KEY, JSON.stringify(saved));
  return saved;
}

/** Settings' view of currencies: the choice, what it falls back to, and the export's own rates. */
export function currencyOverview(db: Db): CurrencyOverview {
  const settings = readCurrencySettings(db);
  const exportBase = exportRateSets(db)[0]?.base ?? null;
  const rows = db
    .prepare(
      `SELECT currency, count(*) AS rows, max(start_date IS NOT NULL OR end_date IS NOT NULL) AS dated,
              min(start_date) AS "from", max(end_date) AS "to"
       FROM currency_rates GROUP BY currency ORDER BY currency`,
    )
    .all() as (Omit<ExportRateSummary, 'dated' | 'latest'> & { dated: number })[];
  const latest = db.prepare(
    `SELECT rate FROM currency_rates WHERE currency = ? ORDER BY start_date IS NULL, start_date DESC LIMIT 1`,
  );
  return {
    settings,
    money: loadMoney(db).info,
    automatic: computeMoney(db, { corporate: null, rates: [] }).info.corporate,
    exportBase,
    dealCounts: Object.fromEntries(dealCurrencies(db).map((c) => [c.code, c.deals])),
    exportRates: rows.map((r) => ({
      ...r,
      dated: r.dated === 1,
      latest: (latest.get(r.currency) as { rate: number }).rate,
    })),
  };
}
