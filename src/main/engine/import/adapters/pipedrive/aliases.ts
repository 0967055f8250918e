import { normalizeHeader } from '../../table';

// Pipedrive headers are "<Entity> - <Field>" in the user's UI language, with a trailing "*" on
// required ones (normalizeHeader strips it) and bare forms for linked columns (FORMATS.md §3).
// English names and their variants are corroborated; the Czech, Spanish, German, French and
// Portuguese ones are best-effort — extend them from real files.

/** The entity prefix of deal columns, by language. */
export const dealPrefixes = ['Deal', 'Obchod', 'Trato', 'Negocio', 'Affaire', 'Negócio'];
/** The entity prefix of activity columns, by language. */
export const activityPrefixes = ['Activity', 'Aktivita', 'Actividad', 'Aktivität', 'Activité', 'Atividade'];

/** Every prefixed form first (the export's own), then the bare names. */
function prefixed(prefixes: readonly string[], names: readonly string[]): string[] {
  return [...prefixes.flatMap((prefix) => names.map((name) => `${prefix} - ${name}`)), ...names];
}

const deal = (...names: string[]): string[] => prefixed(dealPrefixes, names);
const activity = (...names: string[]): string[] => prefixed(activityPrefixes, names);

export const dealAliases = {
  id: deal('ID', 'Pipedrive System ID'),
  title: deal('Title', 'Název', 'Título', 'Titel', 'Titre'),
  value: deal('Value', 'Deal value', 'Hodnota', 'Valor', 'Wert', 'Valeur'),
  currency: deal('Currency', 'Currency of value', 'Měna', 'Moneda', 'Währung', 'Devise', 'Moeda'),
  pipeline: deal('Pipeline', 'Pipelina', 'Embudo', 'Funil'),
  stage: deal('Stage', 'Stage (pipeline)', 'Fáze', 'Etapa', 'Phase', 'Étape'),
  status: deal('Status', 'Stav', 'Estado', 'Statut'),
  owner: deal('Owner', 'Vlastník', 'Propietario', 'Besitzer', 'Inhaber', 'Propriétaire', 'Proprietário'),
  organization: [
    ...deal('Organization', 'Organizace', 'Organización', 'Organisation'),
    'Organization - Name',
  ],
  contact: [
    ...deal('Contact person', 'Kontaktní osoba', 'Persona de contacto', 'Kontaktperson'),
    'Person - Name',
  ],
  created: deal(
    'Deal created',
    'Deal created on',
    'Creation date',
    'Add time',
    'Obchod vytvořen',
    'Datum vytvoření',
    'Trato creado',
    'Fecha de creación',
    'Deal erstellt',
    'Erstellungsdatum',
    'Affaire créée',
    'Date de création',
  ),
  lastStageChange: deal(
    'Last stage change',
    'Stage change time',
    'Poslední změna fáze',
    'Último cambio de etapa',
    'Letzte Phasenänderung',
    "Dernier changement d'étape",
  ),
  wonTime: deal('Won time', 'Čas výhry', 'Fecha de ganado', 'Gewonnen am', 'Date de gain'),
  lostTime: deal('Lost time', 'Čas prohry', 'Fecha de perdido', 'Verloren am', 'Date de perte'),
  lostReason: deal('Lost reason', 'Důvod prohry', 'Motivo de pérdida', 'Verlustgrund', 'Raison de la perte'),
  expectedClose: deal(
    'Expected close date',
    'Očekávané datum uzavření',
    'Fecha de cierre prevista',
    'Erwartetes Abschlussdatum',
    'Date de clôture prévue',
  ),
  closedOn: deal(
    'Deal closed on',
    'Closed on',
    'Close time',
    'Obchod uzavřen',
    'Trato cerrado el',
    'Deal geschlossen am',
  ),
} as const;

export type PipedriveDealField = keyof typeof dealAliases;

export const activityAliases = {
  id: activity('ID', 'Pipedrive System ID'),
  subject: activity('Subject', 'Předmět', 'Asunto', 'Betreff', 'Sujet', 'Assunto'),
  type: activity('Type', 'Typ', 'Tipo'),
  dueDate: activity(
    'Due date',
    'Datum splnění',
    'Fecha de vencimiento',
    'Fälligkeitsdatum',
    "Date d'échéance",
  ),
  dueTime: activity('Due time', 'Čas splnění', 'Hora de vencimiento', 'Fälligkeitszeit', "Heure d'échéance"),
  duration: activity('Duration', 'Trvání', 'Duración', 'Dauer', 'Durée'),
  done: activity('Done', 'Hotovo', 'Hecho', 'Erledigt', 'Fait', 'Concluída'),
  markedDone: activity(
    'Marked as done time',
    'Done time',
    'Označeno jako hotové',
    'Marcado como hecho',
    'Als erledigt markiert',
    'Marqué comme fait',
  ),
  assignedTo: activity(
    'Assigned to user',
    'Assigned to',
    'Přiřazeno uživateli',
    'Asignado a usuario',
    'Zugewiesen an Benutzer',
    "Attribué à l'utilisateur",
  ),
  dealId: [
    ...activityPrefixes.map((p) => `${p} - Deal ID`),
    ...dealPrefixes.map((p) => `${p} - ID`),
    'Deal ID',
    'Deal - Pipedrive System ID',
  ],
  dealTitle: [
    ...activityPrefixes.map((p) => `${p} - Deal`),
    ...dealPrefixes.map((p) => `${p} - Title`),
    'Deal',
  ],
  note: activity('Note', 'Poznámka', 'Nota', 'Notiz'),
  person: [...activity('Person', 'Contact person', 'Osoba', 'Persona', 'Kontaktperson'), 'Person - Name'],
  organization: [
    ...activity('Organization', 'Organizace', 'Organización', 'Organisation'),
    'Organization - Name',
  ],
} as const;

export type PipedriveActivityField = keyof typeof activityAliases;

/** How many headers carry one of the entity prefixes: Pipedrive's fingerprint. */
export function prefixedCount(headers: readonly string[], prefixes: readonly string[]): number {
  const starts = prefixes.map((p) => `${normalizeHeader(p)} - `);
  return headers.map(normalizeHeader).filter((h) => starts.some((s) => h.startsWith(s))).length;
}
