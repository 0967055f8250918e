import type { Database } from 'better-sqlite3';

/**
 * Schema v6: the export's own currency rates (Salesforce `CurrencyType.csv`, undated, and
 * `DatedConversionRate.csv`, one row per currency and period), so sums across currencies convert
 * at the org's rates. Rows are imported like any other record (keyed by the CRM's id, carrying
 * their batch so an undo removes them). `rate` is units of `currency` per unit of the org's
 * corporate currency; `is_corporate` marks that currency (CurrencyType's IsCorporate).
 * Dated rates apply on [start_date, end_date); an undated row has both null.
 */
export function migration006CurrencyRates(db: Database): void {
  db.exec(`
    CREATE TABLE currency_rates (
      id INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      external_id TEXT NOT NULL,
      currency TEXT NOT NULL,
      rate REAL NOT NULL CHECK (rate > 0),
      start_date TEXT,
      end_date TEXT,
      is_corporate INTEGER NOT NULL DEFAULT 0,
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      UNIQUE (source, external_id)
    ) STRICT;
    CREATE INDEX currency_rates_currency ON currency_rates(source, currency, start_date);
  `);
}
