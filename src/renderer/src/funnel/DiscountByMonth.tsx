import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { csvRound } from '@shared/csv/csvValues';
import type { DiscountMonth } from '@shared/metrics/stageMetrics';
import { ChartCanvas } from '../charts/ChartCanvas';
import { useChartTheme } from '../charts/chartTheme';
import { formatCount } from '../format/format';
import { DataTable } from '../ui/DataTable';
import { Icon } from '../ui/Icon';
import '../ui/columnMeta';
import { discountChart, discountChartLabel, discountLabelsPlugin } from './discountChart';
import { formatPercentPoints, monthLabel } from './funnelFormat';

export type DiscountByMonthProps = { months: DiscountMonth[] };

const column = createColumnHelper<DiscountMonth>();
const discountColumns = [
  column.accessor((m) => monthLabel(m.month), {
    id: 'month',
    header: 'Month won',
    enableSorting: false,
    meta: { csv: (m) => m.month },
  }),
  column.accessor('wonDeals', {
    header: 'Won deals',
    cell: (info) => formatCount(info.getValue()),
    enableSorting: false,
    meta: { numeric: true },
  }),
  column.accessor('averageDiscountPercent', {
    header: 'Average discount',
    cell: (info) => formatPercentPoints(info.getValue()),
    enableSorting: false,
    meta: {
      numeric: true,
      csvHeader: 'Average discount (%)',
      csv: (m) => csvRound(m.averageDiscountPercent),
    },
  }),
];

const plugins = [discountLabelsPlugin];

type NoteProps = { children: string };

function Note({ children }: NoteProps) {
  return (
    <p className="discount-note" data-testid="discount-note">
      <Icon name="info" size={14} />
      <span>{children}</span>
    </p>
  );
}

/** The discount level by month (PRODUCT.md: discount trend), as a bar chart and a table of the same numbers. */
export function DiscountByMonth({ months }: DiscountByMonthProps) {
  const theme = useChartTheme();
  const chart = useMemo(() => discountChart(months, theme), [months, theme]);
  const anyDiscount = months.some((m) => m.averageDiscountPercent !== null);

  return (
    <section className="discount" aria-labelledby="discount-heading">
      <div className="discount-header">
        <h3 id="discount-heading" className="discount-title">
          Discount level by month
        </h3>
        <span className="card-subtitle">
          Average discount of the deals won each month, over those whose CRM record carries a discount.
        </span>
      </div>
      {months.length === 0 ? (
        <Note>No deal was won in this period, so there is no discount to show.</Note>
      ) : !anyDiscount ? (
        <Note>
          The CRM export has no discount field, so the discount level cannot be shown. Stagecoach reads it
          from a deal field named discount or discount_pct.
        </Note>
      ) : (
        <>
          <div className="discount-chart">
            <ChartCanvas
              type="bar"
              data={chart.data}
              options={chart.options}
              plugins={plugins}
              height={220}
              label={discountChartLabel(months)}
            />
          </div>
          <details className="time-numbers">
            <summary>The numbers behind this chart</summary>
            <div className="discount-table">
              <DataTable
                label="Discount level by month"
                data={months}
                columns={discountColumns}
                emptyMessage="No deal won."
              />
            </div>
          </details>
        </>
      )}
    </section>
  );
}
