import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ImportFileError } from './errors';
import { readCsv } from './readCsv';
import { readXlsx } from './readXlsx';
import { normalizeHeader, type SourceTable } from './table';

const textExtensions = new Set(['.csv', '.tsv', '.txt']);
const importable = (path: string): boolean =>
  textExtensions.has(extname(path).toLowerCase()) || extname(path).toLowerCase() === '.xlsx';

/** Expands folders into the importable files inside them (CSV, TSV, TXT, XLSX), sorted by name. */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new ImportFileError(basename(path), `there is no file or folder at ${path}.`);
    }
    if (stats.isDirectory()) {
      const inside = readdirSync(path)
        .filter((name) => !name.startsWith('.'))
        .sort()
        .map((name) => join(path, name))
        .filter((p) => statSync(p).isFile() && importable(p));
      if (inside.length === 0)
        throw new ImportFileError(basename(path), 'the folder holds no CSV or XLSX file.');
      files.push(...inside);
    } else files.push(path);
  }
  return files;
}

/** Reads one file into a table: XLSX by its zip signature, anything else as delimited text. */
export async function loadTable(path: string, name = basename(path)): Promise<SourceTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ImportFileError(name, `cannot be read: ${(error as Error).message}`);
  }
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip || extname(name).toLowerCase() === '.xlsx') return readXlsx(name, bytes);
  return readCsv(name, bytes);
}

/** Identifies a file layout by its normalized header set, to reuse a saved column mapping. */
export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normalizeHeader).join('\u0000')).digest('hex');
}
