import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import type { CommitmentRule } from '@shared/oneOnOnes/rules';
import { scorecardDeltas } from '@shared/oneOnOnes/scorecardDeltas';
import type { CommitmentStatus, OneOnOnePrep } from '@shared/oneOnOnes/types';
import { api } from '../api/client';
import { invalidateData } from '../data/engineEvents';
import { useAction } from '../data/useAction';
import { useApiQuery } from '../data/useApiQuery';
import { positiveInt } from '../reports/reportFilters';
import { LoadingCards } from '../reports/ReportStates';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ChangesSection } from './ChangesSection';
import type { CommitmentActions } from './CommitmentRow';
import { CommitmentsSection } from './CommitmentsSection';
import type { CommitmentDraft } from './CommitmentForm';
import { EvaluateFirst, useEvaluateCurrent } from './EvaluateFirst';
import { GapsSection } from './GapsSection';
import { HistorySection } from './HistorySection';
import { LastTimeCard } from './LastTimeCard';
import { NotesSection } from './NotesSection';
import { ObservationsSection } from './ObservationsSection';
import { PrepHeader } from './PrepHeader';
import { useWorkspace } from '../shell/workspaceContext';
import { RisksSection } from './RisksSection';
import { TalkingPointsSection } from './TalkingPointsSection';
import { addDays, formatDay } from './prepFormat';
import { useAutosave } from './useAutosave';
import './oneOnOnes.css';
import './prepPrint.css';

type PrepBodyProps = {
  prep: OneOnOnePrep;
  history: ReturnType<typeof useHistory>;
  /** The day the last "Mark as held" recorded, for the banner that survives the page starting afresh. */
  held: string | null;
  onHeld: (heldOn: string | null) => void;
};

function useHistory(repId: number) {
  return useApiQuery(() => api.oneOnOnes.history({ repId }), [repId]);
}

/**
 * The page itself, mounted once per record being prepared: the notes and agenda typed here are
 * its own state (saved as they change), so a reload of the prep after a write never clobbers them.
 */
function PrepBody({ prep, history, held, onHeld }: PrepBodyProps) {
  const currency = useWorkspace().data?.money.corporate ?? null;
  const repId = prep.rep.id;
  const [notes, setNotes] = useState(prep.draft?.notes ?? '');
  const [points, setPoints] = useState<string[] | null>(
    prep.draft && prep.draft.talkingPoints.length > 0 ? prep.draft.talkingPoints : null,
  );
  const [commitment, setCommitment] = useState<{ key: number; draft: CommitmentDraft }>({
    key: 0,
    draft: { text: '', dueOn: addDays(prep.today, 14), rule: null },
  });

  // The scorecard is the heavier read: the prep opens without waiting for it.
  const card = useApiQuery(
    () => api.scorecards.rep({ repId, kind: 'month', anchor: prep.today }),
    [repId, prep.today],
  );
  const scorecard = card.data
    ? scorecardDeltas(card.data, prep.lastScorecard)
    : card.error
      ? null
      : undefined;

  const notesSave = useAutosave(
    useCallback((value: string) => api.oneOnOnes.saveDraft({ repId, notes: value }), [repId]),
  );
  const pointsSave = useAutosave(
    useCallback((value: string[]) => api.oneOnOnes.saveDraft({ repId, talkingPoints: value }), [repId]),
    200,
  );

  const write = useAction(
    useCallback(async (perform: () => Promise<unknown>) => {
      await perform();
      invalidateData();
    }, []),
  );
  const add = useAction(
    useCallback(
      async (draft: CommitmentDraft) => {
        await api.commitments.add({
          repId,
          text: draft.text,
          ...(draft.dueOn ? { dueOn: draft.dueOn } : {}),
          ...(draft.rule ? { rule: draft.rule } : {}),
        });
        invalidateData();
      },
      [repId],
    ),
  );
  const hold = useAction(
    useCallback(
      async (heldOn: string) => {
        await Promise.all([notesSave.flush(), pointsSave.flush()]);
        await api.oneOnOnes.hold({ repId, heldOn });
        onHeld(heldOn);
        invalidateData();
      },
      [repId, notesSave, pointsSave, onHeld],
    ),
  );

  const actions: CommitmentActions = {
    resolve: (id: number, status: CommitmentStatus, note?: string) =>
      write.run(() =>
        api.commitments.resolve({ id, status, ...(note?.trim() ? { note: note.trim() } : {}) }),
      ),
    setRule: (id: number, rule: CommitmentRule | null) =>
      write.run(() => api.commitments.setRule({ id, rule })),
  };
  const draftActions: CommitmentActions = {
    ...actions,
    remove: (id: number) => write.run(() => api.commitments.remove({ id })),
  };
  const commit = (suggestion: { text: string; rule: CommitmentRule }): void => {
    setCommitment((c) => ({ key: c.key + 1, draft: { ...suggestion, dueOn: addDays(prep.today, 21) } }));
    document.getElementById('oo-notes-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="page oo-prep" data-testid="prep-page">
      <PrepHeader prep={prep} hold={hold} />
      {held && (
        <div className="banner banner-info" role="status" data-testid="held-banner">
          <div className="banner-body">
            <div className="banner-title">Marked held on {formatDay(held, prep.today)}</div>
            <div>This prep now starts from it: its notes and commitments are “last time”.</div>
          </div>
          <div className="banner-actions">
            <button type="button" className="btn btn-small btn-ghost" onClick={() => onHeld(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {write.error && (
        <ErrorBanner
          title="The commitment was not updated"
          message={write.error}
          onDismiss={write.clearError}
        />
      )}
      {prep.last && <LastTimeCard last={prep.last} today={prep.today} />}
      <ChangesSection prep={prep} scorecard={scorecard} />
      <GapsSection prep={prep} onCommit={commit} />
      <RisksSection prep={prep} currency={currency} />
      <ObservationsSection prep={prep} />
      <CommitmentsSection prep={prep} actions={actions} busy={write.busy} />
      <TalkingPointsSection
        prep={prep}
        points={points}
        saveState={pointsSave.state}
        onChange={(next) => {
          setPoints(next);
          pointsSave.change(next);
        }}
      />
      <NotesSection
        prep={prep}
        notes={notes}
        onNotes={(value) => {
          setNotes(value);
          notesSave.change(value);
        }}
        onBlur={() => void notesSave.flush()}
        saveState={notesSave.state}
        commitment={commitment}
        onAdd={(draft) => add.run(draft)}
        addError={add.error}
        actions={draftActions}
        busy={write.busy || add.busy}
      />
      <HistorySection records={history.data} today={prep.today} error={history.error} />
      <p className="oo-footnote">
        Workflow v{prep.version} · figures as of {formatDay(prep.today, prep.today)} · everything on this page
        is computed on this computer.
      </p>
    </div>
  );
}

/** #/one-on-ones/:repId — everything to prepare a rep's one-on-one, and its record once held. */
export function PrepPage() {
  const params = useParams();
  const repId = positiveInt(params.repId ?? null);
  const prep = useApiQuery(
    () => (repId === null ? Promise.reject(new Error('No such rep.')) : api.oneOnOnes.prep({ repId })),
    [repId],
  );
  const history = useHistory(repId ?? 0);
  const evaluate = useEvaluateCurrent();
  const [held, setHeld] = useState<{ repId: number; on: string } | null>(null);
  const onHeld = useCallback(
    (on: string | null) => setHeld(on && repId !== null ? { repId, on } : null),
    [repId],
  );

  if (repId === null)
    return (
      <div className="page">
        <EmptyState icon="oneOnOnes" title="This address names no rep">
          <p>Pick a rep from the one-on-ones list.</p>
        </EmptyState>
      </div>
    );
  if (prep.errorCode === 'not_found' && /evaluated/.test(prep.error ?? ''))
    return (
      <div className="page">
        <EvaluateFirst evaluate={evaluate} />
      </div>
    );
  if (prep.error && !prep.data)
    return (
      <div className="page">
        <ErrorBanner title="The prep could not be loaded" message={prep.error} onRetry={prep.reload} />
      </div>
    );
  if (!prep.data)
    return (
      <div className="page">
        <LoadingCards label="Preparing the one-on-one" cards={3} />
      </div>
    );
  // A new record (the draft after a hold) starts the page's own state afresh.
  return (
    <PrepBody
      key={`${repId}:${prep.data.last?.id ?? 'none'}`}
      prep={prep.data}
      history={history}
      held={held?.repId === repId ? held.on : null}
      onHeld={onHeld}
    />
  );
}
