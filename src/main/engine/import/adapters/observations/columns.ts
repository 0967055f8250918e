import type { ObservationRecord } from '../../records';
import { normalizeHeader } from '../../table';

// A coach's shadowing sheet is a spreadsheet the team made, so its headers vary more than a CRM's:
// the aliases cover the obvious English names and a few translations.

export const observationAliases = {
  observationId: ['Observation ID', 'Obs ID', 'ID'],
  coach: [
    'Coach',
    'Coach email',
    'Observer',
    'Observed by',
    'Shadowed by',
    'Beobachter',
    'Observador',
    'Observateur',
  ],
  rep: [
    'Rep',
    'Rep name',
    'Rep email',
    'Sales rep',
    'Seller',
    'Salesperson',
    'AE',
    'Account executive',
    'Vendedor',
    'Verkäufer',
    'Vertriebsmitarbeiter',
    'Commercial',
  ],
  deal: ['Deal', 'Deal name', 'Opportunity', 'Negocio', 'Oportunidad', 'Affaire'],
  dealId: ['Deal ID', 'Deal Record ID', 'Opportunity ID'],
  date: ['Date', 'Observed on', 'Observation date', 'Date observed', 'Fecha', 'Datum', "Date d'observation"],
  stage: ['Stage', 'Deal stage', 'Etapa', 'Phase', 'Étape'],
  tags: ['Tags', 'Tag', 'Etiquetas', 'Schlagwörter', 'Étiquettes'],
  notes: ['Notes', 'Note', 'Comments', 'Notas', 'Notizen', 'Kommentare', 'Commentaires'],
} as const;

export type ObservationField = keyof typeof observationAliases;

type ChecklistState = ObservationRecord['checklist'][number]['state'];

const stateWords: Record<ChecklistState, readonly string[]> = {
  done: [
    'done',
    '✓',
    '✔',
    '☑',
    '✅',
    'yes',
    'y',
    'x',
    'observed',
    'true',
    '1',
    'ok',
    'ja',
    'si',
    'oui',
    'hecho',
    'erledigt',
    'fait',
  ],
  partial: [
    'partial',
    'partly',
    'partially',
    '~',
    '≈',
    'half',
    '½',
    'teilweise',
    'parcial',
    'parcialmente',
    'partiel',
    'partiellement',
  ],
  skipped: [
    'skipped',
    'skip',
    'missed',
    'not done',
    '✗',
    '✘',
    '☒',
    '❌',
    'no',
    'n',
    'false',
    '0',
    'nein',
    'non',
    'omitido',
    'ubersprungen',
    'ausgelassen',
    'saute',
  ],
  na: [
    'n.a.',
    'n.a',
    'n/a',
    'na',
    '-',
    'not applicable',
    'n.v.',
    'entfallt',
    'nicht zutreffend',
    'no aplica',
    'sans objet',
  ],
};
const stateByWord = new Map<string, ChecklistState>(
  (Object.entries(stateWords) as [ChecklistState, readonly string[]][]).flatMap(([state, words]) =>
    words.map((word): [string, ChecklistState] => [normalizeHeader(word), state]),
  ),
);

/** Reads a checklist cell — done/partial/skipped/n.a., ✓/~/✗/-, yes/partly/no — or null when it is none. */
export function parseChecklistState(value: string): ChecklistState | null {
  return stateByWord.get(normalizeHeader(value)) ?? null;
}

const rubricPrefix =
  /^\s*(?:score|rubric|rating|bewertung|puntuacion|puntuación|évaluation|evaluation)\s*[:\-–—]\s*(.+?)\s*$/i;
const rubricSuffix = /^\s*(.+?)\s*\(\s*(?:score|1\s*[-–—]\s*5)\s*\)\s*$/i;
const checklistPrefix = /^\s*(?:checklist|check|item|[✓✔☑])\s*[:\-–—]?\s*(.+?)\s*$/i;

/** The rubric criterion a header names ("Score: Discovery questions", "Rubric - Discovery", "Discovery (1-5)"), or null. */
export function rubricCriterion(header: string): string | null {
  const m = rubricPrefix.exec(header) ?? rubricSuffix.exec(header);
  return m ? m[1]! : null;
}

/** The checklist item a header explicitly names ("Checklist: Pain confirmed"), or null. */
export function checklistItem(header: string): string | null {
  if (!/^\s*(?:checklist|check|item)\s*[:\-–—]|^\s*[✓✔☑]/i.test(header)) return null;
  return checklistPrefix.exec(header)?.[1] ?? null;
}
