import type {
  ActivityRule,
  Criterion,
  Handoff,
  RequiredAction,
  StageDefinition,
  WorkflowDefinition,
} from '@shared/workflow/definition';

/**
 * The editor's copy of a workflow definition. Every list item carries a stable `uid` (React keys,
 * expanded state, focus) and items added in this draft are `isNew`: their schema key is derived
 * from their name when the draft is turned back into a definition, while saved items keep theirs,
 * because evaluations and experiments refer to stages and actions by key across versions.
 */

type Item = { uid: string; isNew: boolean };

export type DraftAction = RequiredAction & Item;
export type DraftCriterion = Criterion & Item;
export type DraftStage = Omit<StageDefinition, 'requiredActions' | 'advancementCriteria'> &
  Item & { actions: DraftAction[]; criteria: DraftCriterion[] };
/** A handoff points at its trigger stage by uid, so renaming a new stage keeps the link. */
export type DraftHandoff = Omit<Handoff, 'triggerStage'> & Item & { triggerStageUid: string | null };
export type DraftRule = ActivityRule & { uid: string };

export type Draft = {
  name: string;
  stages: DraftStage[];
  handoffs: DraftHandoff[];
  rules: DraftRule[];
};

let counter = 0;

/** A uid for an item added in the editor. */
export function newUid(): string {
  counter += 1;
  return `new:${counter}`;
}

/** Saved items get uids from their keys, so a reload of the same version keeps what is expanded. */
function uniqueUids(base: string[]): string[] {
  const seen = new Map<string, number>();
  return base.map((uid) => {
    const n = (seen.get(uid) ?? 0) + 1;
    seen.set(uid, n);
    return n === 1 ? uid : `${uid}#${n}`;
  });
}

export function toDraft(definition: WorkflowDefinition): Draft {
  const stageUids = uniqueUids(definition.stages.map((s) => `stage:${s.key}`));
  const stages = definition.stages.map((stage, i): DraftStage => {
    const { requiredActions, advancementCriteria, ...fields } = stage;
    const actionUids = uniqueUids(requiredActions.map((a) => `${stageUids[i]}:action:${a.key}`));
    const criterionUids = uniqueUids(advancementCriteria.map((c) => `${stageUids[i]}:criterion:${c.key}`));
    return {
      ...fields,
      sourceNames: [...fields.sourceNames],
      uid: stageUids[i]!,
      isNew: false,
      actions: requiredActions.map((a, j) => ({ ...a, uid: actionUids[j]!, isNew: false })),
      criteria: advancementCriteria.map((c, j) => ({ ...c, uid: criterionUids[j]!, isNew: false })),
    };
  });
  const uidByKey = new Map(stages.map((s) => [s.key, s.uid]));
  const handoffUids = uniqueUids(definition.handoffs.map((h) => `handoff:${h.key}`));
  return {
    name: definition.name,
    stages,
    handoffs: definition.handoffs.map(({ triggerStage, ...h }, i) => ({
      ...h,
      uid: handoffUids[i]!,
      isNew: false,
      triggerStageUid: uidByKey.get(triggerStage) ?? null,
    })),
    rules: definition.activityRules.map((r, i) => ({ ...r, uid: `rule:${i}` })),
  };
}

/** "Demo follow-up (EU)" → "demo_follow_up_eu"; a name without letters gets the fallback. */
export function slugKey(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  if (!slug) return fallback;
  return /^[a-z]/.test(slug) ? slug : `${fallback}_${slug}`;
}

/** Keys for a list: saved items keep theirs, new ones get a unique key from their name. */
function assignKeys<T extends Item & { key: string }>(
  items: T[],
  nameOf: (item: T) => string,
  fallback: string,
): string[] {
  const taken = new Set(items.filter((i) => !i.isNew).map((i) => i.key));
  return items.map((item) => {
    if (!item.isNew) return item.key;
    const base = slugKey(nameOf(item), fallback);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    return key;
  });
}

function optionalText(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

function actionOf(action: DraftAction, key: string): RequiredAction {
  const types = [...action.match.types];
  const pattern = optionalText(action.match.subjectPattern);
  const out: RequiredAction = {
    key,
    label: action.label,
    match:
      pattern === undefined
        ? { types, by: action.match.by }
        : { types, subjectPattern: pattern, by: action.match.by },
    anchor: action.anchor,
    businessHours: action.businessHours,
  };
  // "Before leaving the stage" has no deadline in hours.
  if (action.anchor.kind !== 'stage_exit' && action.withinHours !== undefined)
    out.withinHours = action.withinHours;
  return out;
}

function criterionOf(criterion: DraftCriterion, key: string): Criterion {
  const base = { key, label: criterion.label };
  switch (criterion.kind) {
    case 'field_set':
      return { ...base, kind: 'field_set', field: criterion.field };
    case 'field_in':
      return { ...base, kind: 'field_in', field: criterion.field, values: [...criterion.values] };
    case 'activity_present':
      return { ...base, kind: 'activity_present', activityTypes: [...criterion.activityTypes] };
    case 'stakeholders':
      return { ...base, kind: 'stakeholders', minDistinctContacts: criterion.minDistinctContacts };
  }
}

/** The definition the draft stands for, in the schema's shape (not yet validated). */
export function fromDraft(draft: Draft): WorkflowDefinition {
  const stageKeys = assignKeys(draft.stages, (s) => s.name, 'stage');
  const keyByUid = new Map(draft.stages.map((s, i) => [s.uid, stageKeys[i]!]));
  const stages = draft.stages.map((stage, i): StageDefinition => {
    const actionKeys = assignKeys(stage.actions, (a) => a.label, 'action');
    const criterionKeys = assignKeys(stage.criteria, (c) => c.label, 'criterion');
    const out: StageDefinition = {
      key: stageKeys[i]!,
      name: stage.name,
      group: stage.group,
      ownerRole: stage.ownerRole,
      sourceNames: [...stage.sourceNames],
      requiredActions: stage.actions.map((a, j) => actionOf(a, actionKeys[j]!)),
      advancementCriteria: stage.criteria.map((c, j) => criterionOf(c, criterionKeys[j]!)),
    };
    if (stage.targetDays !== undefined) out.targetDays = stage.targetDays;
    if (stage.outcome !== undefined) out.outcome = stage.outcome;
    return out;
  });
  const handoffKeys = assignKeys(draft.handoffs, (h) => h.label, 'handoff');
  return {
    name: draft.name,
    stages,
    handoffs: draft.handoffs.map((h, i) => ({
      key: handoffKeys[i]!,
      label: h.label,
      fromRole: h.fromRole,
      toRole: h.toRole,
      triggerStage: (h.triggerStageUid && keyByUid.get(h.triggerStageUid)) ?? '',
      requiredFields: [...h.requiredFields],
      firstTouchWithinHours: h.firstTouchWithinHours,
    })),
    activityRules: draft.rules.map((r) => {
      const out: ActivityRule = { type: r.type, rawTypes: [...r.rawTypes] };
      const pattern = optionalText(r.subjectPattern);
      if (pattern !== undefined) out.subjectPattern = pattern;
      return out;
    }),
  };
}

/** True when two definitions say the same thing (compared in the draft's canonical shape). */
export function sameDefinition(a: WorkflowDefinition, b: WorkflowDefinition): boolean {
  return JSON.stringify(fromDraft(toDraft(a))) === JSON.stringify(fromDraft(toDraft(b)));
}

/** The list with the item at `index` swapped with its neighbour in `direction`. */
export function move<T>(items: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The list with the item whose uid matches replaced by `change(item)`. */
export function replaceItem<T extends { uid: string }>(
  items: readonly T[],
  uid: string,
  change: (item: T) => T,
): T[] {
  return items.map((item) => (item.uid === uid ? change(item) : item));
}

/** Every normalized activity type the draft names: rule outputs first, then any used by actions. */
export function knownActivityTypes(draft: Draft): string[] {
  const types = new Set<string>();
  for (const rule of draft.rules) if (rule.type) types.add(rule.type);
  for (const stage of draft.stages) {
    for (const action of stage.actions) {
      for (const t of action.match.types) types.add(t);
      if (action.anchor.kind === 'activity' && action.anchor.activityType)
        types.add(action.anchor.activityType);
    }
    for (const c of stage.criteria)
      if (c.kind === 'activity_present') for (const t of c.activityTypes) types.add(t);
  }
  return [...types].sort();
}

const coreDealFields = ['amount', 'account', 'pipeline', 'currency', 'lost_reason'];

/** Deal fields worth suggesting: the core columns and every field the draft already checks. */
export function knownDealFields(draft: Draft): string[] {
  const fields = new Set(coreDealFields);
  for (const stage of draft.stages)
    for (const c of stage.criteria)
      if (c.kind === 'field_set' || c.kind === 'field_in') if (c.field) fields.add(c.field);
  for (const h of draft.handoffs) for (const f of h.requiredFields) fields.add(f);
  return [...fields].sort();
}

/** Whether removing this stage would leave the workflow without a won or a lost stage. */
export function isLastOutcomeStage(draft: Draft, stage: DraftStage): boolean {
  if (!stage.outcome) return false;
  return draft.stages.filter((s) => s.outcome === stage.outcome).length === 1;
}

export function newStage(draft: Draft): DraftStage {
  const taken = new Set(draft.stages.map((s) => s.name.trim().toLowerCase()));
  let name = 'New stage';
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `New stage ${n}`;
  return {
    uid: newUid(),
    isNew: true,
    key: '',
    name,
    group: 'Advance',
    ownerRole: 'AE',
    targetDays: 14,
    sourceNames: [],
    actions: [],
    criteria: [],
  };
}

export function newAction(types: string[]): DraftAction {
  return {
    uid: newUid(),
    isNew: true,
    key: '',
    label: 'New required action',
    match: { types: types.includes('call') ? ['call'] : types.slice(0, 1), by: 'owner' },
    anchor: { kind: 'stage_entry' },
    withinHours: 24,
    businessHours: false,
  };
}

export function newCriterion(): DraftCriterion {
  return { uid: newUid(), isNew: true, key: '', label: 'New criterion', kind: 'field_set', field: '' };
}

export function newHandoff(draft: Draft): DraftHandoff {
  return {
    uid: newUid(),
    isNew: true,
    key: '',
    label: 'New handoff',
    fromRole: 'AE',
    toRole: 'CS',
    triggerStageUid: draft.stages[0]?.uid ?? null,
    requiredFields: [],
    firstTouchWithinHours: 24,
  };
}

export function newRule(): DraftRule {
  return { uid: newUid(), type: '', rawTypes: [], subjectPattern: '' };
}
