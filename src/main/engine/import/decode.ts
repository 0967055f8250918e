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

/** Text decoded from a file's bytes, with the encoding that was detected. */
export type DecodedText = { text: string; encoding: string };

function looksLikeUtf16(bytes: Uint8Array, offset: 0 | 1): boolean {
  // ASCII-heavy UTF-16 without a BOM has a zero byte in every other position.
  const sample = Math.min(bytes.length, 4000);
  if (sample < 4) return false;
  let zeros = 0;
  for (let i = offset; i < sample; i += 2) if (bytes[i] === 0) zeros++;
  return zeros / (sample / 2) > 0.6;
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
  return { text: text.includes('\u0000') ? text.replaceAll('\u0000', '') : text, encoding };
}
