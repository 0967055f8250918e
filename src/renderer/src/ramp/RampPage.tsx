import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RampHire, RampReport } from '@shared/oneOnOnes/types';
import { api } from '../api/client';
import { useApiQuery } from '../data/useApiQuery';
import { formatDate, formatIsoDate, formatPercent } from '../format/format';
import { EvaluateFirst, useEvaluateCurrent } from '../oneOnOnes/EvaluateFirst';
import { EmptyWorkspace } from '../overview/DemoControls';
import { LoadingCards } from '../reports/ReportStates';
import { useKept } from '../reports/useReportScope';
import { positiveInt } from '../reports/reportFilters';
import { useWorkspace } from '../shell/workspaceContext';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { RampCharts } from './RampCharts';
import { RampTable } from './RampTable';
import { hireColors, monthLabel } from './rampCharts';
import { useChartTheme } from '../charts/chartTheme';
import './ramp.css';

const windows = [3, 6, 12, 24] as const;
const DEFAULT_MONTHS = 6;

function latestComplete(hire: RampHire) {
  return [...hire.months].reverse().find((m) => m.complete) ?? hire.months.at(-1);
}

/** How the latest full month compares with tenured reps, in words. */
function gapSentence(index: number, rate: number, tenured: number, role: string): string {
  const points = Math.round((tenured - rate) * 100);
  const where = points <= 0 ? 'at or above' : `${points} pts below`;
  return `${monthLabel(index)}: ${where} tenured ${role}s on actions on time (${formatPercent(tenured)})`;
}

type HireCardsProps = { report: RampReport; focus: RampHire | null; onFocus: (repId: number) => void };

function HireCards({ report, focus, onFocus }: HireCardsProps) {
  const colors = hireColors(useChartTheme());
  return (
    <div className="ramp-hires" role="group" aria-label="New hires">
      {report.hires.map((hire, i) => {
        const month = latestComplete(hire);
        const running = hire.months.at(-1);
        const tenured = report.tenured.find((t) => t.role === hire.role);
        return (
          <div
            key={hire.repId}
            className="card ramp-hire"
            data-selected={focus?.repId === hire.repId}
            data-testid="ramp-hire"
          >
            <button
              type="button"
              className="ramp-hire-focus"
              aria-pressed={focus?.repId === hire.repId}
              title="Compare with the reps hired before"
              onClick={() => onFocus(hire.repId)}
            >
              <span className="ramp-hire-head">
                <span className="ramp-swatch" style={{ background: colors[i % colors.length] }} />
                <span className="ramp-hire-name">{hire.name}</span>
                <span className="chip">{hire.role}</span>
              </span>
              <span className="ramp-hire-meta">
                Started {formatIsoDate(hire.startDate)}
                {hire.team ? ` · ${hire.team}` : ''} · in{' '}
                {running ? monthLabel(running.index).toLowerCase() : 'month 1'}
              </span>
              {month && (
                <span className="ramp-hire-figures">
                  <span>
                    <strong>{formatPercent(month.compliance.rate)}</strong> on time
                  </span>
                  <span>
                    <strong>{formatPercent(month.conversion.rate)}</strong> conversion
                  </span>
                  <span>
                    <strong>{formatPercent(month.winRate.rate)}</strong> win rate
                  </span>
                </span>
              )}
              {month && tenured && tenured.compliance !== null && month.compliance.rate !== null && (
                <span className="ramp-hire-gap">
                  {gapSentence(month.index, month.compliance.rate, tenured.compliance, tenured.role)}
                </span>
              )}
            </button>
            <Link className="ramp-hire-link" to={`/one-on-ones/${hire.repId}`}>
              Prepare a one-on-one
            </Link>
          </div>
        );
      })}
    </div>
  );
}

/** #/ramp — how fast the workflow turns a new rep into a productive one. */
export function RampPage() {
  const [params, setParams] = useSearchParams();
  const months = positiveInt(params.get('months')) ?? DEFAULT_MONTHS;
  const chosen = windows.includes(months as (typeof windows)[number]) ? months : DEFAULT_MONTHS;
  const focusId = positiveInt(params.get('focus'));
  const { data: workspace } = useWorkspace();
  const query = useApiQuery(() => api.ramp.report({ months: chosen }), [chosen]);
  const report = useKept(query.data);
  const evaluate = useEvaluateCurrent();
  const focus = useMemo(() => {
    if (!report || report.hires.length === 0) return null;
    return (
      report.hires.find((h) => h.repId === focusId) ??
      [...report.hires].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]!
    );
  }, [report, focusId]);

  const set = (change: Record<string, string | null>): void =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-title">Ramp of new hires</h1>
        <p className="page-subtitle">
          How fast the workflow turns a new rep into a productive one: each new hire by month since their
          start, against the reps hired before them in the same role.
        </p>
      </div>
      <div className="segmented" role="group" aria-label="New hires started within">
        {windows.map((w) => (
          <button
            key={w}
            type="button"
            className="segment"
            aria-pressed={w === chosen}
            onClick={() => set({ months: w === DEFAULT_MONTHS ? null : String(w), focus: null })}
          >
            {w} months
          </button>
        ))}
      </div>
    </header>
  );

  if (workspace && workspace.counts.reps === 0)
    return (
      <div className="page">
        {header}
        <EmptyWorkspace />
      </div>
    );

  let body;
  if (query.errorCode === 'not_found' && /evaluated/.test(query.error ?? ''))
    body = <EvaluateFirst evaluate={evaluate} />;
  else if (query.error)
    body = <ErrorBanner title="The ramp could not be loaded" message={query.error} onRetry={query.reload} />;
  else if (!report) body = <LoadingCards label="Loading the ramp" cards={2} />;
  else if (report.hires.length === 0)
    body = (
      <section className="card">
        <EmptyState icon="reps" title={`Nobody started in the last ${chosen} months`}>
          <p>
            The ramp follows reps by their start date (from the CRM&rsquo;s user export, or the Reps screen).
            Widen the window to see earlier hires.
          </p>
        </EmptyState>
      </section>
    );
  else
    body = (
      <div className="ramp-content" aria-busy={query.loading} data-testid="ramp-content">
        <HireCards report={report} focus={focus} onFocus={(id) => set({ focus: String(id) })} />
        <RampCharts report={report} focus={focus} />
        {focus && focus.earlierHires.length === 0 && (
          <p className="ramp-note" data-testid="no-earlier">
            No {focus.role} hired before {focus.name} has data from their own first months
            {report.dataFrom !== null ? ` (the data starts on ${formatDate(report.dataFrom)})` : ''}: the
            dotted line — tenured {focus.role}s over the last 90 days — is the bar to reach.
          </p>
        )}
        <RampTable hires={report.hires} />
        <p className="ramp-note">
          A month runs from the start date&rsquo;s day to the same day a month later. Lines leave out months
          resting on fewer than three items; the table shows every month with its count. Conversion counts the
          stage entries of the month that have settled: moved on, lost, or past the stage&rsquo;s target days.
        </p>
      </div>
    );

  return (
    <div className="page ramp-page">
      {header}
      {body}
    </div>
  );
}
