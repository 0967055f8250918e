import { describe, expect, it } from 'vitest';
import { type MoneyInfo, conversionNote, createConverter } from '@shared/money/rates';

// Salesforce's convention: units of the currency per one unit of the base (USD).
const exportSet = {
  source: 'export' as const,
  base: 'USD',
  rates: [
    { currency: 'PEN', rate: 3.75, from: null, to: null },
    { currency: 'PEN', rate: 3.7, from: '0001-01-01', to: '2026-03-01' },
    { currency: 'PEN', rate: 3.8, from: '2026-03-01', to: '9999-12-31' },
    { currency: 'EUR', rate: 0.9, from: null, to: null },
  ],
};

describe('createConverter', () => {
  it('uses the dated rate in force on the day (start inclusive, end exclusive), else the undated one', () => {
    const usd = createConverter('USD', [exportSet]);
    expect(usd.convert(370, 'PEN', '2026-02-28')).toBeCloseTo(100, 9);
    expect(usd.convert(380, 'PEN', '2026-03-01')).toBeCloseTo(100, 9);
    // No day known: the undated rate.
    expect(usd.convert(375, 'PEN', null)).toBeCloseTo(100, 9);
    expect(usd.basis('PEN')).toBe('export_dated');
    expect(usd.basis('EUR')).toBe('export');
  });

  it('treats a missing currency as the corporate one and refuses a currency without a rate', () => {
    const usd = createConverter('USD', [exportSet]);
    expect(usd.convert(5, null, null)).toBe(5);
    expect(usd.convert(5, 'USD', null)).toBe(5);
    expect(usd.convert(5, 'BRL', '2026-01-01')).toBeNull();
    expect(usd.basis('BRL')).toBe('none');
  });

  it('converts into a corporate currency other than the rates’ base, through the base', () => {
    const eur = createConverter('EUR', [exportSet]);
    // 370 PEN = 100 USD = 90 EUR on 2026-02-01.
    expect(eur.convert(370, 'PEN', '2026-02-01')).toBeCloseTo(90, 9);
    expect(eur.convert(100, 'USD', null)).toBeCloseTo(90, 9);
  });

  it("prefers the export's rates to the user's, and uses the user's where the export has none", () => {
    const settings = {
      source: 'settings' as const,
      base: 'USD',
      rates: [
        { currency: 'PEN', rate: 10, from: null, to: null },
        { currency: 'BRL', rate: 5, from: null, to: null },
      ],
    };
    const usd = createConverter('USD', [exportSet, settings]);
    expect(usd.convert(375, 'PEN', null)).toBeCloseTo(100, 9);
    expect(usd.convert(500, 'BRL', null)).toBeCloseTo(100, 9);
    expect(usd.basis('BRL')).toBe('settings');
  });
});

describe('conversionNote', () => {
  it('says what sums are in, how each currency converts and which have no rate', () => {
    const money: MoneyInfo = {
      corporate: 'USD',
      corporateFrom: 'export',
      currencies: [
        { code: 'PEN', deals: 3, basis: 'export_dated' },
        { code: 'BRL', deals: 1, basis: 'none' },
      ],
    };
    expect(conversionNote(money)).toBe(
      "Amounts in USD; PEN converted at the export's dated rates. No rate for BRL: sums that include it are not shown until a rate is entered in Settings.",
    );
    expect(conversionNote({ corporate: 'USD', corporateFrom: 'deals', currencies: [] })).toBeNull();
  });
});
