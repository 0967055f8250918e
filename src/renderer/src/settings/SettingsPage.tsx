import { useState } from 'react';
import type { CurrencyOverview } from '@shared/money/settings';
import { api } from '../api/client';
import { errorMessage } from '../data/errorMessage';
import { useApiQuery } from '../data/useApiQuery';
import { formatCount, formatIsoDate } from '../format/format';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Icon } from '../ui/Icon';
import { type CurrencyRow, basisLabels, currencyRows, parseRate } from './currencyForm';
import './settings.css';

/** Common currencies offered as the corporate one, beside those the data uses. */
const commonCurrencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'MXN', 'BRL', 'INR'];

export function SettingsPage() {
  const overview = useApiQuery(() => api.currencies.overview({}), []);
  // Saving changes the data every screen reads: the overview loads again and the form starts
  // afresh from what was saved, so "Saved" is kept here, above it.
  const [saved, setSaved] = useState(false);
  return (
    <div className="page settings-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Settings</h1>
          <p className="page-subtitle">How this workspace adds up amounts in more than one currency.</p>
        </div>
      </header>
      {overview.error && overview.data === undefined && (
        <ErrorBanner
          title="The currency settings could not be loaded"
          message={overview.error}
          onRetry={overview.reload}
        />
      )}
      {overview.data && (
        <CurrencyEditor
          key={JSON.stringify(overview.data.settings)}
          overview={overview.data}
          saved={saved}
          onSaved={setSaved}
        />
      )}
    </div>
  );
}

function exportRateText(row: CurrencyRow, base: string | null): string {
  const r = row.exportRate;
  if (!r) return '—';
  const per = `${r.latest.toLocaleString(undefined, { maximumSignificantDigits: 8 })} per ${base ?? 'base unit'}`;
  if (!r.dated) return per;
  const to = r.to && r.to < '9000' ? formatIsoDate(r.to) : 'open-ended';
  const from = r.from && r.from > '1000' ? formatIsoDate(r.from) : 'the start';
  return `${per} (latest of ${formatCount(r.rows)} dated rates, ${from} – ${to})`;
}

type CurrencyEditorProps = {
  overview: CurrencyOverview;
  /** The last save succeeded and nothing was edited since. */
  saved: boolean;
  onSaved: (saved: boolean) => void;
};

function CurrencyEditor({ overview, saved, onSaved }: CurrencyEditorProps) {
  const [corporate, setCorporate] = useState<string | null>(overview.settings.corporate);
  const shown = corporate ?? overview.automatic;
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [status, setStatusNow] = useState<{ kind: 'saving' | 'failed'; message?: string } | null>(null);
  const setStatus = (next: typeof status): void => {
    setStatusNow(next);
    onSaved(false);
  };
  const rows = currencyRows(overview, shown).map((row) =>
    row.code in typed ? { ...row, typed: typed[row.code]! } : row,
  );
  const parsed = rows.map((row) => ({ row, rate: parseRate(row.typed) }));
  const invalid = parsed.filter((p) => p.rate !== null && Number.isNaN(p.rate));
  const basisOf = new Map(overview.money.currencies.map((c) => [c.code, c.basis]));
  const options = [
    ...new Set([
      ...(overview.automatic ? [overview.automatic] : []),
      ...overview.money.currencies.map((c) => c.code),
      ...overview.exportRates.map((r) => r.currency),
      ...commonCurrencies,
    ]),
  ];
  const automaticWhy =
    overview.exportBase !== null
      ? "the export's corporate currency"
      : overview.automatic
        ? 'the currency most deals are in'
        : 'no deal says its currency';

  const save = async () => {
    if (invalid.length > 0) return;
    setStatus({ kind: 'saving' });
    try {
      await api.currencies.save({
        corporate,
        rates: parsed.flatMap(({ row, rate }) => (rate === null ? [] : [{ currency: row.code, rate }])),
      });
      setStatusNow(null);
      onSaved(true);
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="currencies-heading">
      <div className="card-header">
        <h2 id="currencies-heading" className="card-title">
          Currencies
        </h2>
        <span className="card-subtitle">
          Sums (won amount, velocity, pipeline) are given in the corporate currency. Each deal keeps its own.
        </span>
      </div>
      <div className="card-body settings-currencies">
        <label className="settings-field">
          <span className="field-label">Corporate currency</span>
          <select
            className="input"
            value={corporate ?? ''}
            onChange={(event) => {
              setStatus(null);
              setTyped({});
              setCorporate(event.target.value === '' ? null : event.target.value);
            }}
          >
            <option value="">
              Automatic{overview.automatic ? `: ${overview.automatic}` : ''} ({automaticWhy})
            </option>
            {options.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        {rows.length === 0 ? (
          <p className="muted" data-testid="currencies-single">
            {shown
              ? `Every deal is in ${shown}: nothing needs converting.`
              : 'No deal says its currency: amounts are shown as plain numbers.'}
          </p>
        ) : (
          <table className="data-table settings-rates" aria-label="Currency rates">
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col" className="num">
                  Deals
                </th>
                <th scope="col">Rate in the export</th>
                <th scope="col">Your rate</th>
                <th scope="col">Sums use</th>
              </tr>
            </thead>
            <tbody>
              {parsed.map(({ row, rate }) => {
                const bad = rate !== null && Number.isNaN(rate);
                const basis = corporate === overview.settings.corporate ? basisOf.get(row.code) : undefined;
                return (
                  <tr key={row.code}>
                    <th scope="row">{row.code}</th>
                    <td className="num">{formatCount(row.deals)}</td>
                    <td>{exportRateText(row, overview.exportBase)}</td>
                    <td>
                      <label className="settings-rate">
                        <span>1 {shown} =</span>
                        <input
                          className="input"
                          inputMode="decimal"
                          value={row.typed}
                          placeholder={row.exportRate ? 'export rate' : 'rate'}
                          aria-label={`${row.code} per 1 ${shown ?? 'corporate unit'}`}
                          aria-invalid={bad || undefined}
                          onChange={(event) => {
                            setStatus(null);
                            setTyped((t) => ({ ...t, [row.code]: event.target.value }));
                          }}
                        />
                        <span>{row.code}</span>
                      </label>
                      {bad && (
                        <span className="field-issue">A rate is a positive number, such as 3912.5</span>
                      )}
                    </td>
                    <td data-testid={`basis-${row.code}`}>
                      {basis ? basisLabels[basis] : row.deals > 0 ? 'Save to see' : 'No deals in it'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="muted settings-help">
          A rate says how many units of a currency one {shown ?? 'corporate unit'} buys. The export’s own
          rates (Salesforce CurrencyType.csv and DatedConversionRate.csv, imported like any file) come first,
          each deal at the rate in force on its close date; yours apply to currencies the export has no rate
          for. A currency without any rate is never added to the others: its sums say “no rate”.
        </p>
        <div className="settings-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void save()}
            disabled={status?.kind === 'saving'}
          >
            {status?.kind === 'saving' ? (
              <span className="spinner" aria-hidden="true" />
            ) : (
              <Icon name="check" size={14} />
            )}
            Save currencies
          </button>
          <span
            role="status"
            className={status?.kind === 'failed' || invalid.length ? 'field-issue' : 'muted'}
          >
            {saved && status === null
              ? 'Saved. Every sum now converts with these rates.'
              : status?.kind === 'failed'
                ? status.message
                : invalid.length
                  ? `Fix the rate of ${invalid.map((p) => p.row.code).join(', ')} to save.`
                  : ''}
          </span>
        </div>
      </div>
    </section>
  );
}
