import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ObservationDraft } from '@shared/coaching/observation';
import type {
  ObservationDetail,
  ObservationDraftView,
  ObservationOptions,
} from '@shared/coaching/observationViews';
import { api } from '../api/client';
import { type LoadOnce, useLoadOnce } from '../data/useLoadOnce';
import { formatDateTime, formatIsoDate } from '../format/format';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { ObservationForm } from './ObservationForm';
import { draftFromDetail, emptyDraft } from '@shared/coaching/observationForm';
import { lastCoach, todayIso } from './localDefaults';
import './observations.css';

type Loaded = {
  options: ObservationOptions;
  detail: ObservationDetail | null;
  draft: ObservationDraftView | null;
};

type LoadState = LoadOnce<Loaded>;

/** The form's inputs, read once when it opens: later changes elsewhere must not reset what the coach types. */
function useFormData(observationId: number | null, attempt: number): LoadState {
  return useLoadOnce(`${observationId}#${attempt}`, async () => {
    const [options, detail, draft] = await Promise.all([
      api.observations.options({}),
      observationId === null ? Promise.resolve(null) : api.observations.get({ id: observationId }),
      api.observations.draft({ observationId }),
    ]);
    return { options, detail, draft };
  });
}

/**
 * A new observation started from a deal page arrives with its rep and deal already picked:
 * `#/observations/new?rep=5&deal=12&dealName=…`. Anything malformed is ignored.
 */
function presetFromAddress(params: URLSearchParams): Partial<ObservationDraft> {
  const id = (name: string): number | null => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : null;
  };
  const repId = id('rep');
  const dealId = id('deal');
  const dealName = params.get('dealName');
  return {
    ...(repId !== null ? { repId } : {}),
    ...(dealId !== null && dealName ? { dealId, dealName } : {}),
  };
}

export function ObservationFormPage() {
  const { id: rawId } = useParams();
  const observationId = rawId === undefined ? null : Number(rawId);
  const valid = observationId === null || (Number.isInteger(observationId) && observationId > 0);
  const [attempt, setAttempt] = useState(0);
  const data = useFormData(valid ? observationId : null, attempt);
  const [choice, setChoice] = useState<'resume' | 'fresh' | null>(null);
  const [today] = useState(todayIso);
  const [params] = useSearchParams();
  const title = observationId === null ? 'Log an observation' : 'Edit observation';

  const header = (
    <>
      <Link to="/observations" className="back-link">
        <Icon name="back" size={14} />
        Observations
      </Link>
      <header className="page-header">
        <div>
          <h1 className="page-title">{title}</h1>
          <p className="page-subtitle">
            What you saw on a shadowed deal: the stage’s checklist, rubric scores, tags, notes and
            commitments.
          </p>
        </div>
      </header>
    </>
  );

  if (!valid || data.state === 'missing')
    return (
      <div className="page">
        {header}
        <EmptyState icon="observations" title="This observation is not in the workspace">
          {data.state === 'missing' ? data.message : 'The address names no observation.'} A deleted
          observation can be brought back from the list right after deleting it.
        </EmptyState>
      </div>
    );
  if (data.state === 'failed')
    return (
      <div className="page">
        {header}
        <ErrorBanner
          title="The observation form could not be opened"
          message={data.message}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      </div>
    );
  if (data.state === 'loading')
    return (
      <div className="page obs-form-page" aria-busy="true">
        {header}
        <div className="card obs-loading">
          <span className="spinner" aria-label="Loading the form" />
        </div>
      </div>
    );

  const baseline: ObservationDraft = data.detail
    ? draftFromDetail(data.detail, data.options.rubric)
    : { ...emptyDraft(today, lastCoach()), ...presetFromAddress(params) };
  const offer = data.draft && choice === null ? data.draft : null;

  return (
    <div className="page obs-form-page">
      {header}
      {offer ? (
        <ResumeOffer
          draft={offer}
          repName={data.options.reps.find((r) => r.id === offer.body.repId)?.name ?? null}
          onResume={() => setChoice('resume')}
          onDiscard={() => {
            setChoice('fresh');
            api.observations.discardDraft({ observationId }).catch(() => {
              // The next autosave replaces it anyway.
            });
          }}
        />
      ) : (
        <ObservationForm
          key={`${observationId}:${choice}`}
          observationId={observationId}
          initial={choice === 'resume' && data.draft ? data.draft.body : baseline}
          baseline={baseline}
          options={data.options}
          today={today}
        />
      )}
    </div>
  );
}

type ResumeOfferProps = {
  draft: ObservationDraftView;
  repName: string | null;
  onResume: () => void;
  onDiscard: () => void;
};

/** A draft the coach left (a crash, a closed window, another screen): resume it or start over. */
function ResumeOffer({ draft, repName, onResume, onDiscard }: ResumeOfferProps) {
  const { body } = draft;
  const what = [
    repName,
    body.dealName,
    /^\d{4}-\d{2}-\d{2}$/.test(body.observedOn) ? formatIsoDate(body.observedOn) : null,
  ].filter(Boolean);
  const counts = [
    body.checklist.length > 0 ? `${body.checklist.length} checklist marks` : null,
    body.rubric.length > 0 ? `${body.rubric.length} scores` : null,
    body.tags.length > 0 ? `${body.tags.length} tags` : null,
    body.notes.trim() ? 'notes' : null,
    body.commitments.length > 0 ? `${body.commitments.length} commitments` : null,
  ].filter(Boolean);
  return (
    <section className="card resume-offer" aria-labelledby="resume-heading">
      <div className="resume-icon">
        <Icon name="history" size={20} />
      </div>
      <div className="resume-body">
        <h2 id="resume-heading">You have an unsaved draft</h2>
        <p>
          {what.length > 0 ? what.join(' · ') : 'A new observation'}
          {counts.length > 0 && <>, with {counts.join(', ')}</>}. Last saved {formatDateTime(draft.updatedAt)}
          .
        </p>
        <div className="resume-actions">
          <button
            type="button"
            className="btn btn-primary"
            // The choice is the only thing on screen: Enter resumes.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            onClick={onResume}
          >
            Resume draft
          </button>
          <button type="button" className="btn" onClick={onDiscard}>
            Discard it and start over
          </button>
        </div>
      </div>
    </section>
  );
}
