import type { ActivityRule } from './definition';

/**
 * Turns a raw CRM activity into a workflow event type with the workflow's activity rules: the
 * first rule whose raw types (if any) and subject pattern (if any) match wins; otherwise the raw
 * type itself, lower-cased, or "other".
 */
export function createActivityClassifier(
  rules: readonly ActivityRule[],
): (rawType: string | null, subject: string | null) => string {
  const compiled = rules.map((rule) => ({
    type: rule.type,
    rawTypes: new Set(rule.rawTypes.map((t) => t.trim().toLowerCase())),
    pattern: rule.subjectPattern ? new RegExp(rule.subjectPattern, 'i') : null,
  }));
  return (rawType, subject) => {
    const raw = (rawType ?? '').trim().toLowerCase();
    for (const rule of compiled) {
      if (rule.rawTypes.size > 0 && !rule.rawTypes.has(raw)) continue;
      if (rule.pattern && !rule.pattern.test(subject ?? '')) continue;
      if (rule.rawTypes.size === 0 && !rule.pattern) continue;
      return rule.type;
    }
    const fallback = raw.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    return /^[a-z]/.test(fallback) ? fallback : 'other';
  };
}
