import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { CurrencyRateRecord } from '../../records';
import { createRowReader, salesforceId } from '../../rowReader';
import type { SourceTable } from '../../table';
import { shaped } from './shape';

const fields = {
  id: ['Id'],
  isoCode: ['IsoCode'],
  rate: ['ConversionRate'],
  startDate: ['StartDate'],
  nextStartDate: ['NextStartDate'],
  isCorporate: ['IsCorporate'],
} as const;

const isoCode = /^[A-Z]{3}$/;

/**
 * Reads the org's currency table: CurrencyType.csv (one undated rate per currency, the corporate
 * one marked) or DatedConversionRate.csv (a rate per currency per period, [StartDate,
 * NextStartDate)). Rates are units of the currency per one unit of the corporate currency.
 */
function readRates(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, context, fields);
  const records: CurrencyRateRecord[] = [];
  const dated = reader.has('startDate');
  for (const row of table.rows) {
    const externalId = salesforceId(reader.id(row, 'id'));
    const currency = reader.text(row, 'isoCode')?.toUpperCase() ?? null;
    const rate = reader.number(row, 'rate');
    if (externalId === null) {
      reader.error(row, 'id', 'the rate has no Id');
      continue;
    }
    if (currency === null || !isoCode.test(currency)) {
      reader.error(row, 'isoCode', `"${currency ?? ''}" is not a three-letter currency code`);
      continue;
    }
    if (rate === null || !(rate > 0)) {
      if (rate !== null || reader.text(row, 'rate') === null)
        reader.error(row, 'rate', 'a conversion rate is a positive number');
      continue;
    }
    const startDate = dated ? reader.date(row, 'startDate') : null;
    const endDate = dated && reader.has('nextStartDate') ? reader.date(row, 'nextStartDate') : null;
    if (dated && startDate === null) {
      if (reader.text(row, 'startDate') === null)
        reader.error(row, 'startDate', 'a dated rate has no StartDate');
      continue;
    }
    if (startDate !== null && endDate !== null && endDate <= startDate) {
      reader.error(row, 'nextStartDate', `the rate ends (${endDate}) before it starts (${startDate})`);
      continue;
    }
    const corporate =
      reader.has('isCorporate') && reader.text(row, 'isCorporate') !== null
        ? (reader.bool(row, 'isCorporate') ?? false)
        : false;
    records.push({
      kind: 'currencyRate',
      externalId,
      currency,
      rate,
      startDate,
      endDate,
      isCorporate: corporate,
      at: { file: table.fileName, line: row.line },
    });
  }
  return { records, issues: reader.issues, skipped: {} };
}

export const currencyTypeAdapter: Adapter = {
  id: 'salesforce-currency-type',
  source: 'salesforce',
  label: 'Salesforce currencies (CurrencyType.csv)',
  entity: 'currency rates',
  ...shaped({
    required: [['Id'], ['IsoCode'], ['ConversionRate'], ['IsCorporate']],
    typical: ['DecimalPlaces', 'IsActive'],
    excluded: ['StartDate'],
  }),
  read: readRates,
};

export const datedConversionRateAdapter: Adapter = {
  id: 'salesforce-dated-conversion-rate',
  source: 'salesforce',
  label: 'Salesforce dated exchange rates (DatedConversionRate.csv)',
  entity: 'currency rates',
  ...shaped({
    required: [['Id'], ['IsoCode'], ['ConversionRate'], ['StartDate']],
    typical: ['NextStartDate'],
    excluded: ['IsCorporate'],
  }),
  read: readRates,
};
