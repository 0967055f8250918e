import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { csvRound } from '@shared/csv/csvValues';
import type { OneOnOnePrep, RiskDeal, RiskReason } from '@shared/oneOnOnes/types';
import { formatMoney } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { PrepSection } from './PrepSection';

export type RisksSectionProps = {
  prep: OneOnOnePrep;
  /** The workspace's corporate currency, the one the open pipeline is summed in. */
  currency: string | null;
  /** Every deal at once, without the "Show all" button (on paper). */
  showAll?: boolean;
};

const SHOWN = 10;

function reasonChip(reason: RiskReason, key: number) {
  switch (reason.kind) {
    case 'stalled':
      return (
        <span key={key} className="oo-chip oo-chip-bad" title={`Target ${reason.targetDays} days`}>
          Stalled {Math.round(reason.days)} d
        </span>
      );
    case 'missed_actions':
      return (
        <span key={key} className="oo-chip oo-chip-warn" title={reason.labels.join('\n')}>
          Missed: {reason.labels[0]}
          {reason.labels.length > 1 ? ` +${reason.labels.length - 1}` : ''}
        </span>
      );
    case 'no_next_step':
      return (
        <span key={key} className="oo-chip" title={reason.detail}>
          No next step · {reason.detail.replace(/^no next step recorded; /, '')}
        </span>
      );
  }
}

/** A reason as the chip says it, with what its tooltip adds. */
function reasonText(reason: RiskReason): string {
  switch (reason.kind) {
    case 'stalled':
      return `Stalled ${Math.round(reason.days)} d (target ${reason.targetDays} d)`;
    case 'missed_actions':
      return `Missed: ${reason.labels.join(', ')}`;
    case 'no_next_step':
      return `No next step · ${reason.detail.replace(/^no next step recorded; /, '')}`;
  }
}

const column = createColumnHelper<RiskDeal>();

const columns = [
  column.accessor('dealName', {
    header: 'Deal',
    cell: ({ row }) => <Link to={`/deals/${row.original.dealId}`}>{row.original.dealName}</Link>,
  }),
  column.accessor('stageName', { header: 'Stage' }),
  column.accessor('daysInStage', {
    header: 'Days in stage',
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Days in stage', value: (row) => csvRound(row.daysInStage) },
        { header: 'Target days', value: (row) => row.targetDays },
      ],
    },
    cell: ({ row }) => (
      <span>
        {Math.round(row.original.daysInStage)}
        {row.original.targetDays !== null && <span className="muted"> / {row.original.targetDays}</span>}
      </span>
    ),
  }),
  column.accessor('amount', {
    header: 'Amount',
    meta: {
      numeric: true,
      csvColumns: [
        { header: 'Amount', value: (row) => row.amount },
        { header: 'Currency', value: (row) => row.currency },
      ],
    },
    sortUndefined: 'last',
    cell: ({ row }) => formatMoney(row.original.amount, row.original.currency),
  }),
  column.accessor((row) => row.reasons.length, {
    id: 'reasons',
    header: 'Why at risk',
    meta: { csv: (row) => row.reasons.map(reasonText).join('; ') },
    cell: ({ row }) => <span className="oo-reasons">{row.original.reasons.map(reasonChip)}</span>,
  }),
];

/** 3 — Open deals at risk: stalled, missing required actions, or without a next step. */
export function RisksSection({ prep, currency, showAll = false }: RisksSectionProps) {
  const [expanded, setAll] = useState(false);
  const all = showAll || expanded;
  const risks = prep.risks;
  // Summed in the corporate currency; never across currencies when one has no rate.
  const noRate = [
    ...new Set(risks.filter((d) => d.amount !== null && d.corporateAmount === null).map((d) => d.currency)),
  ];
  const total = risks.reduce((sum, d) => sum + (d.corporateAmount ?? 0), 0);
  const worth =
    noRate.length > 0
      ? `Open pipeline not summed (no rate for ${noRate.join(', ')})`
      : `${formatMoney(total, currency)} of open pipeline`;
  return (
    <PrepSection
      id="risks"
      number={3}
      title={`Deals at risk (${risks.length})`}
      subtitle={
        risks.length > 0
          ? `${worth}: stalled past the stage’s target days, required actions missed, or no next step in motion.`
          : undefined
      }
    >
      {risks.length === 0 ? (
        <p className="muted oo-empty">
          No open deal is stalled, missing a required action or without a next step.
        </p>
      ) : (
        <div className="oo-risks">
          <DataTable
            data={all ? risks : risks.slice(0, SHOWN)}
            columns={columns}
            label="Deals at risk"
            emptyMessage="No deal at risk."
            rowTestId="risk-row"
            tableClassName="oo-risk-table"
            exportName={`${prep.rep.name} deals at risk`}
            exportAllRows={risks.length > SHOWN ? () => Promise.resolve(risks) : undefined}
          />
          {risks.length > SHOWN && !showAll && (
            <div className="oo-more no-print">
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setAll((v) => !v)}>
                {all ? `Show the first ${SHOWN}` : `Show all ${risks.length}`}
              </button>
            </div>
          )}
        </div>
      )}
    </PrepSection>
  );
}
