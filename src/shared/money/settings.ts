import { z } from 'zod';
import type { MoneyInfo } from './rates';

/** An ISO 4217 code as CRMs write it (USD, COP, PEN). */
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code such as USD');

/**
 * Currencies as the user sets them in Settings: the corporate currency sums are given in (null:
 * the export's, else the one most deals use) and rates for currencies the export gives none
 * for, as units of the currency per one unit of `base` (the corporate currency when saved).
 */
export const currencySettingsSchema = z
  .object({
    corporate: currencyCode.nullable(),
    base: currencyCode.optional(),
    rates: z
      .array(
        z
          .object({
            currency: currencyCode,
            rate: z.number().finite().positive('a rate is a positive number'),
          })
          .strict(),
      )
      .max(200)
      .refine((rates) => new Set(rates.map((r) => r.currency)).size === rates.length, {
        message: 'each currency has one rate',
      }),
  })
  .strict();

export type CurrencySettings = z.output<typeof currencySettingsSchema>;

/** One currency of the export's rate table, as Settings lists it. */
export type ExportRateSummary = {
  currency: string;
  /** Rate rows for it (dated periods, or 1 for an undated rate). */
  rows: number;
  dated: boolean;
  /** The rate in force on the latest day the table covers (units per one unit of the export's base). */
  latest: number;
  /** The first and last day the dated rates cover (null: open-ended or undated). */
  from: string | null;
  to: string | null;
};

/** What the Settings screen shows about currencies. */
export type CurrencyOverview = {
  settings: CurrencySettings;
  money: MoneyInfo;
  /** The corporate currency the workspace uses when none is chosen (the export's, else the most used). */
  automatic: string | null;
  /** The currency the export's rates are against, when the export has rates. */
  exportBase: string | null;
  exportRates: ExportRateSummary[];
  /** Deals per currency they are in, the corporate one included. */
  dealCounts: Record<string, number>;
};
