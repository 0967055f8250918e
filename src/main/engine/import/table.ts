/** One data row of a file, with the 1-based line (CSV) or row number (XLSX) it came from. */
export type SourceRow = { line: number; cells: string[] };

/** A file read into a table: headers as written (duplicates renamed "X (2)") and its rows. */
export type SourceTable = {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  /** The CSV delimiter, shown to the user; null for XLSX. */
  delimiter: string | null;
  sheet: string | null;
  headers: string[];
  rows: SourceRow[];
  /** Rows dropped as report footers, totals or blank lines. */
  droppedLines: number;
  /**
   * A CSV whose last row ends without a line break and a closing quote: maybe cut inside its
   * last value (see pipeline.ts for what is refused). Always false for XLSX.
   */
  endsMidRow: boolean;
};

/** Normalizes a header for matching: case, accents, quotes, dashes, spacing and Pipedrive's trailing "*". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[“”„"'‘’]/g, '')
    .replace(/\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Renames repeated headers "X", "X (2)", "X (3)" so every column keeps its own name. */
export function dedupeHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw) => {
    const header = raw.replace(/^\ufeff/, '').trim();
    const key = normalizeHeader(header);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}

/** Finds a column by any of its aliases (compared after normalizing); -1 when absent. */
export function findColumn(headers: readonly string[], aliases: readonly string[]): number {
  const normalized = headers.map(normalizeHeader);
  for (const alias of aliases) {
    const index = normalized.indexOf(normalizeHeader(alias));
    if (index >= 0) return index;
  }
  return -1;
}
