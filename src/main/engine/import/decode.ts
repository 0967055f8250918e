import { isUtf8 } from 'node:buffer';

/**
 * Windows-1252's 0x80–0x9F range (€, en dash, curly quotes…). Decoded by hand because some
 * Node releases map these bytes to C1 control characters (nodejs/node#60888).
 */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes Windows-1252 (a superset of ISO-8859-1): bytes from 0xA0 up are their own code points. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = new Array<number>(Math.min(chunk, bytes.length - start));
    for (let i = 0; i < codes.length; i++) {
      const byte = bytes[start + i]!;
      codes[i] = byte >= 0x80 && byte <= 0x9f ? cp1252High.charCodeAt(byte - 0x80) : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The bytes are no text: what they look like instead (see {@link binaryContent}). */
export class NotTextError extends Error {
  constructor(readonly what: string) {
    super(`not a text file: ${what}`);
  }
}

/** Text decoded from a file's bytes, with the encoding that was detected. */
export type DecodedText = { text: string; encoding: string };

const printable = (byte: number): boolean =>
  byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte !== 0x7f);

function looksLikeUtf16(bytes: Uint8Array, offset: 0 | 1): boolean {
  // ASCII-heavy UTF-16 without a BOM has a zero byte in every other position, and next to each
  // zero a printable character: a binary file full of zeros has control bytes there too.
  const sample = Math.min(bytes.length, 4000);
  if (sample < 4) return false;
  let zeros = 0;
  let text = 0;
  for (let i = offset; i + 1 - 2 * offset < sample; i += 2) {
    if (bytes[i] !== 0) continue;
    zeros++;
    if (printable(bytes[i + 1 - 2 * offset]!)) text++;
  }
  return zeros / (sample / 2) > 0.6 && text / zeros > 0.95;
}

/** File signatures of what users rename to .csv by mistake, named in the refusal. */
const signatures: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'an Excel 97–2003 (.xls) or other Office 97 file: save it as .xlsx or CSV',
  },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive: unpack it first' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive: unpack it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive: unpack it first' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { bytes: [0x4d, 0x5a], what: 'a Windows program' },
];

/**
 * Why these bytes are no text file, or null when they may be one: a known binary signature, or
 * (once decoded) more than 16 control characters, and over 1%, in the first 64 KB. CRM exports
 * carry a few NUL bytes in rich-text cells at most.
 */
export function binaryContent(bytes: Uint8Array, text: string): string | null {
  const known = signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (known) return known.what;
  const sample = text.slice(0, 65_536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) controls++;
  }
  return controls > 16 && controls / sample.length > 0.01 ? 'binary data' : null;
}

/**
 * Decodes a text file the way CRM exports come: a BOM decides UTF-8 or UTF-16 LE/BE; otherwise
 * strict UTF-8, falling back to Windows-1252 (a superset of ISO-8859-1, which Salesforce's
 * Data Export uses). NUL bytes, which hide in rich-text cells, are removed.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: string;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'UTF-8 with BOM';
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'UTF-16 LE';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'UTF-16 BE';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else if (looksLikeUtf16(bytes, 1)) {
    encoding = 'UTF-16 LE';
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (looksLikeUtf16(bytes, 0)) {
    encoding = 'UTF-16 BE';
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    if (isUtf8(bytes)) {
      text = new TextDecoder('utf-8').decode(bytes);
      encoding = 'UTF-8';
    } else {
      text = decodeWindows1252(bytes);
      encoding = 'Windows-1252';
    }
  }
  const binary = binaryContent(bytes, text);
  if (binary !== null) throw new NotTextError(binary);
  return { text: text.includes('\u0000') ? text.replaceAll('\u0000', '') : text, encoding };
}
