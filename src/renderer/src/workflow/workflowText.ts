import {
  type Criterion,
  type RepRole,
  type RequiredAction,
  repRoles,
  stageGroups,
} from '@shared/workflow/definition';
import { humanize } from '../format/format';
import type { SelectOption } from './fields';

/** The editor's choices and the sentences it writes about a rule, in the words a sales team uses. */

export type ActorChoice = RequiredAction['match']['by'];
export type AnchorKind = RequiredAction['anchor']['kind'];
export type CriterionKind = Criterion['kind'];
export type OutcomeChoice = 'none' | 'won' | 'lost';

export const groupOptions: SelectOption<(typeof stageGroups)[number]>[] = stageGroups.map((g) => ({
  value: g,
  label: g,
}));

export const roleOptions: SelectOption<RepRole>[] = repRoles.map((r) => ({ value: r, label: r }));

export const outcomeOptions: SelectOption<OutcomeChoice>[] = [
  { value: 'none', label: 'None' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

export const actorOptions: SelectOption<ActorChoice>[] = [
  { value: 'owner', label: 'The deal owner' },
  { value: 'anyone', label: 'Anyone' },
  ...repRoles.map((r) => ({ value: r, label: `Someone in the ${r} role`, group: 'A role' })),
];

export const anchorOptions: SelectOption<AnchorKind>[] = [
  { value: 'stage_entry', label: 'Entering the stage' },
  { value: 'activity', label: 'An activity in the stage' },
  { value: 'stage_exit', label: 'Before leaving the stage' },
];

export const criterionKindOptions: SelectOption<CriterionKind>[] = [
  { value: 'field_set', label: 'A field is filled in' },
  { value: 'field_in', label: 'A field has one of some values' },
  { value: 'activity_present', label: 'An activity happened' },
  { value: 'stakeholders', label: 'Enough stakeholders involved' },
];

/** "call_back" → "call back"; the editor keeps the key itself in mono chips. */
function typeWords(types: readonly string[]): string {
  const words = types.filter(Boolean).map((t) => humanize(t).toLowerCase());
  if (words.length === 0) return 'an activity';
  const phrase = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  return `${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function actorWords(by: ActorChoice): string {
  if (by === 'owner') return 'by the deal owner';
  if (by === 'anyone') return 'by anyone';
  return `by someone in the ${by} role`;
}

function hoursWords(hours: number, business: boolean): string {
  const unit = business ? 'working hour' : 'hour';
  if (!business && hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  return `${hours} ${unit}${hours === 1 ? '' : 's'}`;
}

/** The rule in one sentence: "A call by anyone within 2 working hours of entering the stage." */
export function describeAction(action: RequiredAction): string {
  const what = `${typeWords(action.match.types)} ${actorWords(action.match.by)}`;
  const subject = action.match.subjectPattern
    ? ` whose subject matches /${action.match.subjectPattern}/`
    : '';
  const lead = what.charAt(0).toUpperCase() + what.slice(1) + subject;
  if (action.anchor.kind === 'stage_exit') return `${lead}, before the deal leaves the stage.`;
  const hours = action.withinHours;
  const anchor =
    action.anchor.kind === 'stage_entry'
      ? 'entering the stage'
      : `the ${action.anchor.activityType ? humanize(action.anchor.activityType).toLowerCase() : 'chosen activity'}`;
  if (hours === undefined || hours <= 0) return `${lead}, after ${anchor} (no deadline set yet).`;
  const within = `within ${hoursWords(hours, action.businessHours)}`;
  return action.anchor.kind === 'stage_entry'
    ? `${lead}, ${within} of ${anchor}.`
    : `${lead}, ${within} after ${anchor}.`;
}

/** What a criterion checks, for the collapsed list and screen readers. */
export function describeCriterion(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'field_set':
      return criterion.field ? `${criterion.field} is filled in` : 'a field is filled in';
    case 'field_in':
      return `${criterion.field || 'a field'} is ${criterion.values.length ? criterion.values.map((v) => `“${v}”`).join(' or ') : 'one of some values'}`;
    case 'activity_present':
      return `${typeWords(criterion.activityTypes)} happened in the stage`;
    case 'stakeholders':
      return `${criterion.minDistinctContacts ?? '?'} or more distinct contacts involved`;
  }
}

/** Turns free text into an activity-type key: "Discovery Call" → "discovery_call". */
export function typeKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
