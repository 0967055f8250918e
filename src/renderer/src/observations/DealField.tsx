import { useEffect, useState } from 'react';
import type { DealRow } from '@shared/domain/types';
import { api } from '../api/client';
import { errorMessage } from '../data/errorMessage';
import { formatMoney } from '../format/format';
import { type ComboOption, Combobox } from './Combobox';

const SEARCH_DELAY_MS = 150;
const SHOWN = 8;

export type PickedDeal = { id: number; name: string; ownerId: number | null };

export type DealFieldProps = {
  id: string;
  dealId: number | null;
  dealName: string | null;
  /** The rep being observed: their deals come first. */
  repId: number | null;
  onPick: (deal: PickedDeal | null) => void;
  invalid?: boolean;
  describedBy?: string;
};

type Found = { key: string; rows: DealRow[]; others: DealRow[]; error: string | null };

/** Deals for the text typed: the rep's own first (their open ones, newest stage change first, before typing). */
async function findDeals(search: string, repId: number | null): Promise<Pick<Found, 'rows' | 'others'>> {
  const text = search.trim();
  if (repId !== null) {
    const own = await api.deals.list({
      ownerIds: [repId],
      limit: SHOWN,
      ...(text === ''
        ? { statuses: ['open'], sort: { key: 'lastStageChangeAt', desc: true } }
        : { search: text }),
    });
    if (text === '' || own.rows.length >= SHOWN) return { rows: own.rows, others: [] };
    const all = await api.deals.list({ search: text, limit: SHOWN });
    const ownIds = new Set(own.rows.map((d) => d.id));
    return {
      rows: own.rows,
      others: all.rows.filter((d) => !ownIds.has(d.id)).slice(0, SHOWN - own.rows.length),
    };
  }
  const all = await api.deals.list(
    text === ''
      ? { statuses: ['open'], sort: { key: 'lastStageChangeAt', desc: true }, limit: SHOWN }
      : { search: text, limit: SHOWN },
  );
  return { rows: all.rows, others: [] };
}

function option(deal: DealRow, own: boolean): ComboOption {
  const parts = [deal.account, deal.stageName, formatMoney(deal.amount, deal.currency)];
  if (!own && deal.ownerName) parts.unshift(deal.ownerName);
  return {
    key: String(deal.id),
    label: deal.name,
    detail: parts.filter((p) => p && p !== '—').join(' · '),
  };
}

/** The deal observed, found by typing part of its name, account or owner. Empty: no deal. */
export function DealField({ id, dealId, dealName, repId, onPick, invalid, describedBy }: DealFieldProps) {
  const [text, setText] = useState<string | null>(null);
  const [wanted, setWanted] = useState<string | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const shownText = text ?? dealName ?? '';
  const queryKey = wanted === null ? null : `${repId ?? ''}|${wanted}`;

  useEffect(() => {
    if (queryKey === null || wanted === null) return;
    let current = true;
    const timer = window.setTimeout(() => {
      findDeals(wanted, repId).then(
        (result) => current && setFound({ key: queryKey, ...result, error: null }),
        (error: unknown) =>
          current && setFound({ key: queryKey, rows: [], others: [], error: errorMessage(error) }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [queryKey, wanted, repId]);

  const fresh = found?.key === queryKey ? found : null;
  const rows = [...(fresh?.rows ?? []), ...(fresh?.others ?? [])];
  const ownCount = fresh?.rows.length ?? 0;
  const options = rows.map((deal, i) => option(deal, repId === null || i < ownCount));

  return (
    <Combobox
      id={id}
      text={shownText}
      onTextChange={(value) => {
        setText(value);
        setWanted(value);
      }}
      onOpen={() => setWanted(text ?? '')}
      options={options}
      loading={fresh === null}
      emptyMessage={fresh?.error ?? (shownText.trim() ? 'No deal matches.' : 'No open deals for this rep.')}
      placeholder={repId === null ? 'Search deals…' : 'Type, or ↓ for the rep’s open deals'}
      invalid={invalid}
      describedBy={describedBy}
      onPick={(picked) => {
        const deal = rows.find((d) => String(d.id) === picked.key);
        if (!deal) return;
        setText(null);
        onPick({ id: deal.id, name: deal.name, ownerId: deal.ownerId });
      }}
      onCommit={() => {
        // Clearing the box means no deal; any other text left unpicked goes back to the deal chosen.
        if (text !== null && text.trim() === '' && dealId !== null) onPick(null);
        setText(null);
      }}
    />
  );
}
