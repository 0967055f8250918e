import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { ImportFileError } from './errors';
import { importLimits, type ImportLimits } from './limits';
import { dedupeHeaders, type SourceRow, type SourceTable } from './table';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel date cells carry wall-clock time with no zone; keep them zone-less for the date parser. */
function wallClock(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return seconds === 0
    ? day
    : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value).replaceAll('\u0000', '');
}

/** Refuses zip bombs before decompressing anything: total size and per-entry expansion ratio. */
function checkZip(fileName: string, bytes: Uint8Array, limits: ImportLimits): void {
  let total = 0;
  let problem: string | null = null;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        if (entry.size > 0 && entry.originalSize / entry.size > limits.maxXlsxRatio) {
          problem = `the entry ${entry.name} expands ${Math.round(entry.originalSize / entry.size)} times; the limit is ${limits.maxXlsxRatio}.`;
        }
        return false;
      },
    });
  } catch {
    throw new ImportFileError(
      fileName,
      'the file is not a valid XLSX workbook (it is not a readable zip archive).',
    );
  }
  if (problem) throw new ImportFileError(fileName, problem);
  if (total > limits.maxXlsxUnzippedBytes) {
    throw new ImportFileError(
      fileName,
      `the workbook unpacks to ${total} bytes; the limit is ${limits.maxXlsxUnzippedBytes}.`,
    );
  }
}

/**
 * Reads the first worksheet that has data: the first row with two or more filled cells is the
 * header (formatted reports put titles above it); typed date cells become zone-less text and
 * serial numbers stay numbers for the date parser to recognize.
 */
export async function readXlsx(
  fileName: string,
  bytes: Uint8Array,
  limits: ImportLimits = importLimits,
): Promise<SourceTable> {
  if (bytes.length > limits.maxXlsxBytes) {
    throw new ImportFileError(
      fileName,
      `the workbook is ${bytes.length} bytes; the limit is ${limits.maxXlsxBytes} bytes.`,
    );
  }
  checkZip(fileName, bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch (error) {
    throw new ImportFileError(fileName, `the workbook cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new ImportFileError(fileName, 'the workbook has no worksheet with data.');
  let header: string[] | null = null;
  let dropped = 0;
  const rows: SourceRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const text = cellText(row.getCell(c).value);
      if (text.length > limits.maxCellChars) {
        throw new ImportFileError(
          fileName,
          `a cell is longer than ${limits.maxCellChars} characters.`,
          rowNumber,
        );
      }
      cells.push(text);
    }
    const filled = cells.filter((c) => c.trim() !== '').length;
    if (header === null) {
      if (filled >= 2) header = cells;
      else dropped++;
      return;
    }
    if (filled === 0) return void dropped++;
    rows.push({ line: rowNumber, cells });
  });
  if (rows.length > limits.maxRows) {
    throw new ImportFileError(
      fileName,
      `the sheet has more than ${limits.maxRows} rows; split it into smaller files.`,
    );
  }
  const headers = header as string[] | null;
  if (!headers) throw new ImportFileError(fileName, 'no header row (no row with two or more column names).');
  let last = headers.length;
  while (last > 0 && (headers[last - 1] ?? '').trim() === '') last--;
  return {
    fileName,
    format: 'xlsx',
    encoding: 'XLSX',
    delimiter: null,
    sheet: sheet.name,
    headers: dedupeHeaders(headers.slice(0, last)),
    rows: rows.map((r) => ({ line: r.line, cells: r.cells.slice(0, last) })),
    droppedLines: dropped,
    endsMidRow: false,
  };
}
