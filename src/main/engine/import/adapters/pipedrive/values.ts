import type { DealStatus } from '@shared/domain/types';
import { normalizeHeader } from '../../table';

// Pipedrive writes status and done flags in the UI language (Czech "Vyhráno" is seen in an
// importer's fixtures); values are compared after normalizeHeader, so accents do not matter.

const statusWords: Record<string, DealStatus | 'deleted'> = {
  open: 'open',
  won: 'won',
  lost: 'lost',
  deleted: 'deleted',
  otevreno: 'open',
  vyhrano: 'won',
  prohrano: 'lost',
  smazano: 'deleted',
  abierto: 'open',
  ganado: 'won',
  perdido: 'lost',
  offen: 'open',
  gewonnen: 'won',
  verloren: 'lost',
  ouvert: 'open',
  ouverte: 'open',
  gagne: 'won',
  gagnee: 'won',
  perdu: 'lost',
  perdue: 'lost',
  aberto: 'open',
  ganho: 'won',
};

/** Reads `Deal - Status` (Open/Won/Lost in any case or UI language); null when the word is unknown. */
export function parseDealStatus(value: string): DealStatus | 'deleted' | null {
  return statusWords[normalizeHeader(value)] ?? null;
}

const doneWords = new Set([
  'done',
  'yes',
  'true',
  '1',
  'hotovo',
  'hecho',
  'realizado',
  'erledigt',
  'fait',
  'termine',
  'concluida',
]);
const notDoneWords = new Set([
  'not done',
  'undone',
  'no',
  'false',
  '0',
  'nehotovo',
  'nesplneno',
  'no hecho',
  'pendiente',
  'nicht erledigt',
  'offen',
  'pas fait',
  'a faire',
  'nao concluida',
]);

/** Reads `Activity - Done` (Done / Not done, or a yes/no); null when the word is unknown. */
export function parseDone(value: string): boolean | null {
  const key = normalizeHeader(value);
  if (doneWords.has(key)) return true;
  if (notDoneWords.has(key)) return false;
  return null;
}

/**
 * Reads a time of day as exports write it — "14:30", "2:30 PM", an XLSX time cell read as
 * "1899-12-30 14:30:00", or a fraction of a day — as HH:MM:SS; null when it is none of these.
 */
export function parseClockTime(value: string): string | null {
  const text = value.trim();
  const clock = /(?:^|\s)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text);
  if (clock) {
    let hour = Number(clock[1]);
    if (clock[4]) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (clock[4].toLowerCase() === 'pm' ? 12 : 0);
    }
    const minute = Number(clock[2]);
    const second = Number(clock[3] ?? 0);
    if (hour > 23 || minute > 59 || second > 59) return null;
    return [hour, minute, second].map((n) => String(n).padStart(2, '0')).join(':');
  }
  if (/^0?\.\d+$/.test(text)) {
    const seconds = Math.round(Number(text) * 86_400);
    const hh = Math.floor(seconds / 3600);
    const mm = Math.floor((seconds % 3600) / 60);
    return [hh, mm, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  }
  return null;
}

/** Reads `Activity - Duration` (HH:MM, or HH:MM:SS) as seconds; null when it is not a duration. */
export function parseDuration(value: string): number | null {
  const text = value.trim();
  // An XLSX duration cell arrives as a time on Excel's day zero.
  const time = /^1899-12-(?:30|31) (\d{2}:\d{2}:\d{2})$/.exec(text)?.[1] ?? text;
  const m = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (/^0?\.\d+$/.test(text)) return Math.round(Number(text) * 86_400);
  return null;
}
