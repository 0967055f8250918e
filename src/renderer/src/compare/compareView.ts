/**
 * What the Compare screen shows, as it lives in the URL query: `?deals=12,40,7&from=discovery&to=proposal`.
 * The deal ids stay comma-separated and readable, so the address can be written by hand.
 */
export type CompareView = {
  /** Up to three deal ids, in the order they were picked. */
  dealIds: number[];
  from: string | null;
  to: string | null;
};

export const MAX_DEALS = 3;

export function readCompareView(params: URLSearchParams): CompareView {
  const ids = (params.get('deals') ?? '')
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isInteger(id) && id > 0);
  return {
    dealIds: [...new Set(ids)].slice(0, MAX_DEALS),
    from: params.get('from') || null,
    to: params.get('to') || null,
  };
}

/** The hash route of a comparison, e.g. `/compare?deals=1,2,3&from=discovery&to=proposal`. */
export function compareHref(view: CompareView): string {
  const parts: string[] = [];
  if (view.dealIds.length) parts.push(`deals=${view.dealIds.join(',')}`);
  if (view.from) parts.push(`from=${encodeURIComponent(view.from)}`);
  if (view.to) parts.push(`to=${encodeURIComponent(view.to)}`);
  return `/compare${parts.length ? `?${parts.join('&')}` : ''}`;
}
