import type { RepRole } from '@shared/workflow/definition';

// Order matters: "Customer Success Manager" and "Account Manager" are individual contributors,
// while "SDR Manager" or "Director, Solutions Engineering" lead a team.
const rules: readonly [RegExp, RepRole][] = [
  [/\b(customer success|csm|client success|onboarding)\b/, 'CS'],
  [/\baccount manager\b/, 'AE'],
  [
    /\b(manager|director|head of|vp|vice president|chief|cro|gerente|directora?|leiter(in)?|responsable)\b/,
    'Manager',
  ],
  [/\b(sdr|bdr|sales development|business development rep(resentative)?|lead development)\b/, 'SDR'],
  [/\b(sales engineer|solutions?|pre-?sales|se)\b/, 'SE'],
  [/\b(account executive|ae|sales executive|ejecutivo|ejecutiva|vertriebsmitarbeiter(in)?)\b/, 'AE'],
];

/** Guesses a rep's role from a Salesforce title or role name (SDR, AE, SE, CS, Manager); null when nothing matches. */
export function guessRole(...labels: readonly (string | null)[]): RepRole | null {
  for (const label of labels) {
    if (!label) continue;
    const text = label.toLowerCase();
    for (const [pattern, role] of rules) if (pattern.test(text)) return role;
  }
  return null;
}
