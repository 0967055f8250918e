import { discountPercent } from '@shared/metrics/discount';

/** A deal's discount in percent (see `discountPercent`) from its stored custom-fields JSON; null when unreadable or absent. */
export function storedDiscountPercent(fieldsJson: string): number | null {
  let fields: unknown;
  try {
    fields = JSON.parse(fieldsJson);
  } catch {
    return null;
  }
  return typeof fields === 'object' && fields !== null
    ? discountPercent(fields as Record<string, unknown>)
    : null;
}
