/**
 * A deal's discount in percent, from a custom field named like discount, discount_pct or
 * "Discount %"; null when the deal records none. The Funnel's discount by month and the
 * scorecards' average discount both read it this way.
 */
export function discountPercent(fields: Record<string, unknown>): number | null {
  for (const [name, raw] of Object.entries(fields)) {
    if (!/^discount\s*(_?pct|%|percent(age)?)?$/i.test(name.trim())) continue;
    const text = String(raw).trim();
    const value = Number(text.replace('%', '').replace(',', '.').trim());
    if (text !== '' && Number.isFinite(value)) return value;
  }
  return null;
}
