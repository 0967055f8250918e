import type { Adapter } from '../../adapter';
import { normalizeHeader } from '../../table';

/**
 * What a file of one kind looks like: every `required` group must be present (any alias of it),
 * `typical` headers raise the score, `foreign` headers — the marks of a neighbouring shape
 * (Task vs Event) — lower it, and an `excluded` header rules the shape out (an Opportunity
 * file never has OpportunityId; its history always does).
 */
export type HeaderShape = {
  required: readonly (readonly string[])[];
  typical: readonly string[];
  foreign?: readonly string[];
  excluded?: readonly string[];
};

/** Scores a header row against a shape: 0 without a required column or with an excluded one, else 0.6–1 by typical columns, minus 0.25 per foreign one. */
export function scoreShape(headers: readonly string[], shape: HeaderShape): number {
  const present = new Set(headers.map(normalizeHeader));
  const has = (alias: string): boolean => present.has(normalizeHeader(alias));
  if (!shape.required.every((group) => group.some(has))) return 0;
  if ((shape.excluded ?? []).some(has)) return 0;
  const typical = shape.typical.length === 0 ? 1 : shape.typical.filter(has).length / shape.typical.length;
  const foreign = (shape.foreign ?? []).filter(has).length;
  const score = 0.6 + 0.4 * typical - 0.25 * foreign;
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** An adapter's detection from its shape, with the shape's required columns for error messages. */
export function shaped(shape: HeaderShape): Pick<Adapter, 'detect' | 'required'> {
  return { detect: (headers) => scoreShape(headers, shape), required: shape.required };
}
