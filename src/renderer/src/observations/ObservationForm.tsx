import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type ObservationDraft, criterionKey } from '@shared/coaching/observation';
import { checklistRows } from '@shared/coaching/observationChecklist';
import { parseDateEntry } from '@shared/coaching/observationDates';
import type { ObservationOptions } from '@shared/coaching/observationViews';
import { api } from '../api/client';
import { errorMessage } from '../data/errorMessage';
import { useApiQuery } from '../data/useApiQuery';
import { formatDate, formatIsoDate, plural } from '../format/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { ChecklistField, checklistRowId } from './ChecklistField';
import { focusById } from './ChoiceRow';
import { ADD_COMMITMENT_ID, CommitmentsField, commitmentDueId, commitmentTextId } from './CommitmentsField';
import { DateField, describeDateEntry } from './DateField';
import { DealField } from './DealField';
import { FormField } from './FormField';
import { FormActions } from './FormActions';
import {
  type FieldIssues,
  defaultDueOn,
  effectiveStage,
  marksForStage,
  engineIssue,
  sameDraft,
  validateDraft,
  withMark,
  withScore,
  withStage,
} from '@shared/coaching/observationForm';
import { rememberCoach } from './localDefaults';
import { CoachField, RepField } from './pickFields';
import { type RubricRow, RubricField, rubricRowId } from './RubricField';
import { ShortcutLegend } from './ShortcutLegend';
import { TagsField } from './TagsField';
import { useDraftAutosave } from './useDraftAutosave';

export type ObservationFormProps = {
  observationId: number | null;
  /** What the form opens with: the saved observation, a new one, or a resumed draft. */
  initial: ObservationDraft;
  /** The observation as saved (or empty): the form is "changed" when it differs from this. */
  baseline: ObservationDraft;
  options: ObservationOptions;
  today: string;
};

const ids = {
  rep: 'obs-rep',
  deal: 'obs-deal',
  date: 'obs-date',
  stage: 'obs-stage',
  coach: 'obs-coach',
  tags: 'obs-tags',
  notes: 'obs-notes',
};

/** Where the focus goes to fix the problem at a field path. */
function fieldIdOf(path: string): string {
  const [head, index, leaf] = path.split('.');
  switch (head) {
    case 'repId':
      return ids.rep;
    case 'dealId':
      return ids.deal;
    case 'observedOn':
      return ids.date;
    case 'stageKey':
      return ids.stage;
    case 'coach':
      return ids.coach;
    case 'checklist':
      return checklistRowId(Number(index ?? 0));
    case 'rubric':
      return rubricRowId(Number(index ?? 0));
    case 'tags':
      return ids.tags;
    case 'commitments':
      return leaf === 'text' ? commitmentTextId(Number(index)) : commitmentDueId(Number(index));
    default:
      return ids.notes;
  }
}

/** Problems in the order the fields come on screen, so the focus goes to the first one seen. */
const fieldOrder = [
  'repId',
  'dealId',
  'observedOn',
  'stageKey',
  'coach',
  'checklist',
  'rubric',
  'tags',
  'notes',
  'commitments',
];

function onScreenOrder(issues: FieldIssues): [string, string][] {
  const rank = (path: string) => {
    const [head, index] = path.split('.');
    const at = fieldOrder.indexOf(head ?? '');
    return (at < 0 ? fieldOrder.length : at) * 1000 + Number(index ?? 0);
  };
  return [...issues].sort(([a], [b]) => rank(a) - rank(b));
}

const fieldNames: Record<string, string> = {
  repId: 'Rep',
  dealId: 'Deal',
  observedOn: 'Date',
  stageKey: 'Stage',
  coach: 'Coach',
  checklist: 'Checklist',
  rubric: 'Rubric',
  tags: 'Tags',
  notes: 'Notes',
  commitments: 'Commitment',
};

function fieldName(path: string): string {
  const [head, index] = path.split('.');
  const name = fieldNames[head ?? ''] ?? head ?? '';
  return head === 'commitments' ? `${name} ${Number(index) + 1}` : name;
}

/** The observation form: keyboard first, autosaved as a draft, saved in one transaction. */
export function ObservationForm({ observationId, initial, baseline, options, today }: ObservationFormProps) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<{ path: string; message: string } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'saving' | 'deleting' | 'discarding' | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const focusNext = useRef<string | null>(null);
  const pristine = sameDraft(draft, baseline);
  const autosave = useDraftAutosave(observationId, draft, pristine);

  useEffect(() => {
    if (focusNext.current === null) return;
    focusById(focusNext.current);
    focusNext.current = null;
  });

  const change = (update: (d: ObservationDraft) => ObservationDraft) => {
    setDraft(update);
    setRefusal(null);
    setSaveError(null);
  };

  // The stage follows the deal and the date until the coach picks one.
  const observedIso = parseDateEntry(draft.observedOn, today);
  const dealStage = useApiQuery(
    () =>
      draft.dealId !== null && observedIso !== null
        ? api.observations.dealStage({ dealId: draft.dealId, observedOn: observedIso })
        : Promise.resolve(null),
    [draft.dealId, observedIso],
  );
  const stageKey = effectiveStage(draft, dealStage.data?.stageKey ?? null, options.stages);
  const stage = options.stages.find((s) => s.key === stageKey);
  const items = stage?.checklist ?? [];
  const marks = marksForStage(draft.checklist, items, options.stages);
  const rows = checklistRows(items, marks);
  const rubricKeys = new Set(options.rubric.criteria.map((c) => c.key));
  const rubricRows: RubricRow[] = [
    ...options.rubric.criteria.map((c) => ({ criterion: c.key, label: c.label, anchors: c.anchors })),
    ...draft.rubric
      .filter((s) => !rubricKeys.has(s.criterion) && !rubricKeys.has(criterionKey(s.criterion)))
      .map((s) => ({ criterion: s.criterion, label: s.criterion, anchors: null })),
  ];

  const validation = validateDraft({ ...draft, stageKey, checklist: marks }, today);
  const issues: FieldIssues = attempted && !validation.ok ? validation.issues : new Map();
  if (refusal && !issues.has(refusal.path)) issues.set(refusal.path, refusal.message);
  const issue = (path: string) => issues.get(path);

  const save = async () => {
    if (busy) return;
    setAttempted(true);
    if (!validation.ok) {
      focusById(fieldIdOf(onScreenOrder(validation.issues)[0]?.[0] ?? 'notes'));
      return;
    }
    setBusy('saving');
    await autosave.stop();
    try {
      const saved = await api.observations.save({
        ...validation.input,
        ...(observationId === null ? {} : { id: observationId }),
      });
      rememberCoach(saved.coach);
      void navigate('/observations', {
        state: { saved: { id: saved.id, label: `${saved.repName} on ${formatIsoDate(saved.observedOn)}` } },
      });
    } catch (error) {
      autosave.restart();
      setBusy(null);
      const message = errorMessage(error);
      const refused = engineIssue(message);
      if (refused) {
        setRefusal(refused);
        focusById(fieldIdOf(refused.path));
      } else setSaveError(message);
    }
  };

  const leave = async (discard: boolean) => {
    if (discard) {
      setBusy('discarding');
      await autosave.stop();
      try {
        await api.observations.discardDraft({ observationId });
      } catch (error) {
        setBusy(null);
        setConfirmLeave(false);
        autosave.restart();
        setSaveError(errorMessage(error));
        return;
      }
    }
    void navigate('/observations');
  };

  const cancel = () => {
    if (pristine) void leave(false);
    else setConfirmLeave(true);
  };

  const remove = async () => {
    if (observationId === null || busy) return;
    setBusy('deleting');
    await autosave.stop();
    try {
      await api.observations.delete({ id: observationId });
      const repName = options.reps.find((r) => r.id === baseline.repId)?.name ?? 'the rep';
      void navigate('/observations', {
        state: {
          deleted: { id: observationId, label: `${repName} on ${formatIsoDate(baseline.observedOn)}` },
        },
      });
    } catch (error) {
      autosave.restart();
      setBusy(null);
      setSaveError(errorMessage(error));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      cancel();
    }
  };

  const firstRubricId = rubricRows.length > 0 ? rubricRowId(0) : ids.tags;
  const lastChecklistId = rows.length > 0 ? checklistRowId(rows.length - 1) : ids.coach;
  const marked = rows.filter((r) => r.state !== null).length;
  const scored = rubricRows.filter((r) => draft.rubric.some((s) => s.criterion === r.criterion)).length;
  const dateWords = describeDateEntry(draft.observedOn, today);
  const dealStageName = dealStage.data?.stageName ?? null;
  const stageHint =
    draft.dealId === null
      ? draft.stageTouched
        ? undefined
        : 'Follows the deal'
      : !dealStage.data
        ? undefined
        : dealStageName === null
          ? 'No stage yet that day'
          : !draft.stageTouched || dealStage.data.stageKey === stageKey
            ? `Where the deal was that day`
            : `The deal was in ${dealStageName} that day`;

  return (
    <div className="obs-form-layout">
      {/* One handler for the form's keys: Ctrl+Enter saves, Escape cancels. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div className="obs-form" onKeyDown={onKeyDown}>
        {saveError && (
          <ErrorBanner
            title="The observation could not be saved"
            message={saveError}
            onDismiss={() => setSaveError(null)}
          />
        )}
        <section className="card obs-section" aria-labelledby="obs-who-heading">
          <div className="card-header">
            <h2 id="obs-who-heading" className="card-title">
              Who, what and when
            </h2>
          </div>
          <div className="card-body obs-who">
            <FormField id={ids.rep} label="Rep" issue={issue('repId')}>
              {(a11y) => (
                <RepField
                  id={ids.rep}
                  reps={options.reps}
                  repId={draft.repId}
                  initialFocus
                  onPick={(repId) => change((d) => ({ ...d, repId }))}
                  {...a11y}
                />
              )}
            </FormField>
            <FormField
              id={ids.deal}
              label="Deal"
              className="obs-field-wide"
              issue={issue('dealId')}
              hint={
                draft.dealId !== null ? (
                  <Link
                    to={`/deals/${draft.dealId}`}
                    state={{ back: { to: '/observations', label: 'Observations' } }}
                    // A shortcut for the mouse; the deal card beside the form has the same link in the tab order.
                    tabIndex={-1}
                  >
                    Open the deal
                  </Link>
                ) : (
                  'Optional'
                )
              }
            >
              {(a11y) => (
                <DealField
                  id={ids.deal}
                  dealId={draft.dealId}
                  dealName={draft.dealName}
                  repId={draft.repId}
                  onPick={(deal) =>
                    change((d) => ({
                      ...d,
                      dealId: deal?.id ?? null,
                      dealName: deal?.name ?? null,
                      repId: d.repId ?? deal?.ownerId ?? null,
                    }))
                  }
                  {...a11y}
                />
              )}
            </FormField>
            <FormField
              id={ids.date}
              label="Observed on"
              issue={issue('observedOn')}
              hint={dateWords ?? 't, y, -3…'}
            >
              {(a11y) => (
                <DateField
                  id={ids.date}
                  value={draft.observedOn}
                  today={today}
                  onChange={(observedOn) => change((d) => ({ ...d, observedOn }))}
                  {...a11y}
                />
              )}
            </FormField>
            <FormField id={ids.stage} label="Stage" issue={issue('stageKey')} hint={stageHint}>
              {({ invalid, describedBy }) => (
                <select
                  id={ids.stage}
                  className="input"
                  value={stageKey ?? ''}
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                  onChange={(event) => change((d) => withStage(d, event.target.value || null))}
                >
                  <option value="">No stage</option>
                  {options.stages.map((s) => (
                    <option key={s.key} value={s.key}>
                      {s.name}
                    </option>
                  ))}
                  {draft.stageKey !== null && !stage && (
                    <option value={draft.stageKey}>{draft.stageKey}</option>
                  )}
                </select>
              )}
            </FormField>
            <FormField id={ids.coach} label="Coach" issue={issue('coach')}>
              {(a11y) => (
                <CoachField
                  id={ids.coach}
                  coaches={options.coaches}
                  value={draft.coach}
                  onChange={(coach) => change((d) => ({ ...d, coach }))}
                  {...a11y}
                />
              )}
            </FormField>
          </div>
        </section>

        <section className="card obs-section" aria-labelledby="obs-checklist-heading">
          <div className="card-header">
            <h2 id="obs-checklist-heading" className="card-title">
              {stage ? `${stage.name} checklist` : 'Stage checklist'}
            </h2>
            <span className="card-subtitle">
              {rows.length > 0
                ? `${marked} of ${plural(rows.length, 'item')} marked · keys 1–4 or D P S N`
                : 'Required actions and advancement criteria of the stage'}
            </span>
          </div>
          {rows.length > 0 ? (
            <ChecklistField
              rows={rows}
              onMark={(key, state) => change((d) => withMark(d, key, state))}
              previousId={ids.coach}
              nextId={firstRubricId}
            />
          ) : (
            <p className="card-body muted obs-empty">
              {stage
                ? `${stage.name} has no required actions or criteria in the workflow.`
                : 'Choose a stage to see its checklist.'}
            </p>
          )}
        </section>

        <section className="card obs-section" aria-labelledby="obs-rubric-heading">
          <div className="card-header">
            <h2 id="obs-rubric-heading" className="card-title">
              Rubric
            </h2>
            <span className="card-subtitle">
              {scored} of {rubricRows.length} scored · keys 1–5
            </span>
          </div>
          <RubricField
            rows={rubricRows}
            scores={draft.rubric}
            onScore={(criterion, score) => change((d) => withScore(d, criterion, score))}
            previousId={lastChecklistId}
            nextId={ids.tags}
          />
        </section>

        <section className="card obs-section" aria-labelledby="obs-notes-heading">
          <div className="card-header">
            <h2 id="obs-notes-heading" className="card-title">
              What you saw
            </h2>
          </div>
          <div className="card-body obs-notes">
            <FormField id={ids.tags} label="Tags" issue={issue('tags')}>
              {({ describedBy }) => (
                <TagsField
                  id={ids.tags}
                  tags={draft.tags}
                  options={options.tags}
                  onChange={(tags) => change((d) => ({ ...d, tags }))}
                  describedBy={describedBy}
                />
              )}
            </FormField>
            <FormField id={ids.notes} label="Notes" issue={issue('notes')}>
              {({ invalid, describedBy }) => (
                <textarea
                  id={ids.notes}
                  className="input obs-notes-input"
                  rows={4}
                  value={draft.notes}
                  placeholder="What happened, in a few sentences"
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                  onChange={(event) => change((d) => ({ ...d, notes: event.target.value }))}
                />
              )}
            </FormField>
          </div>
        </section>

        <section className="card obs-section" aria-labelledby="obs-commitments-heading">
          <div className="card-header">
            <h2 id="obs-commitments-heading" className="card-title">
              Commitments
            </h2>
            <span className="card-subtitle">They carry over to the rep’s next one-on-one.</span>
          </div>
          <div className="card-body">
            <CommitmentsField
              commitments={draft.commitments}
              today={today}
              issues={issues}
              onChange={(index, patch) =>
                change((d) => ({
                  ...d,
                  commitments: d.commitments.map((c, i) => (i === index ? { ...c, ...patch } : c)),
                }))
              }
              onAdd={() => {
                focusNext.current = commitmentTextId(draft.commitments.length);
                change((d) => ({
                  ...d,
                  commitments: [...d.commitments, { text: '', dueOn: defaultDueOn(d, today) }],
                }));
              }}
              onRemove={(index) => {
                focusNext.current =
                  draft.commitments.length > 1 ? commitmentTextId(Math.max(0, index - 1)) : ADD_COMMITMENT_ID;
                change((d) => ({ ...d, commitments: d.commitments.filter((_, i) => i !== index) }));
              }}
            />
          </div>
        </section>

        <FormActions
          editing={observationId !== null}
          busy={busy}
          issues={onScreenOrder(issues).map(([path, message]) => ({ path, name: fieldName(path), message }))}
          onIssue={(path) => focusById(fieldIdOf(path))}
          status={autosave.status}
          pristine={pristine}
          onSave={() => void save()}
          onCancel={cancel}
          onDelete={() => void remove()}
        />
      </div>
      <aside className="obs-side">
        {draft.dealId !== null && dealStage.data && (
          <section className="card obs-deal-card" aria-labelledby="obs-deal-heading">
            <div className="card-header">
              <h2 id="obs-deal-heading" className="card-title">
                The deal
              </h2>
              <Link
                to={`/deals/${draft.dealId}`}
                state={{ back: { to: '/observations', label: 'Observations' } }}
                className="obs-deal-link"
              >
                Open <Icon name="arrowRight" size={13} />
              </Link>
            </div>
            <dl className="card-body obs-deal-facts">
              <dt>Deal</dt>
              <dd>{dealStage.data.dealName}</dd>
              <dt>Owner</dt>
              <dd>{dealStage.data.ownerName ?? '—'}</dd>
              <dt>Stage that day</dt>
              <dd>
                {dealStage.data.stageName ?? 'None yet'}
                {dealStage.data.enteredAt !== null && (
                  <span className="muted"> · since {formatDate(dealStage.data.enteredAt)}</span>
                )}
              </dd>
            </dl>
          </section>
        )}
        <ShortcutLegend />
      </aside>
      <ConfirmDialog
        open={confirmLeave}
        title="Discard your changes?"
        confirmLabel="Discard changes"
        danger
        busy={busy === 'discarding'}
        onConfirm={() => void leave(true)}
        onCancel={() => setConfirmLeave(false)}
      >
        <p>
          {observationId === null
            ? 'The observation has not been saved. Discarding drops what you typed, including its draft.'
            : 'Your edits have not been saved. Discarding keeps the observation as it was.'}
        </p>
      </ConfirmDialog>
    </div>
  );
}
