/**
 * File names built from rep names and period labels that every file system accepts: Windows
 * (reserved characters and device names, no trailing dot or space), macOS and Linux (255 bytes),
 * with accents and CJK kept as they are, composed (NFC) so the same name is the same file.
 */

// Characters Windows refuses in a name, plus every control character.
// eslint-disable-next-line no-control-regex
const forbidden = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Bytes left for the name itself, under the usual 255-byte limit, with room for " (99)" and the extension. */
const MAX_STEM_BYTES = 200;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character (or a surrogate pair). */
function cutToBytes(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (utf8Length(out + char) > max) break;
    out += char;
  }
  return out;
}

/**
 * `text` made safe as a file name stem: reserved characters become "-", runs of spaces one space,
 * no leading or trailing dots and spaces, Windows device names suffixed, at most 200 bytes.
 * Falls back to `fallback` when nothing is left.
 */
export function safeFileStem(text: string, fallback = 'Untitled'): string {
  let stem = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(forbidden, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  stem = cutToBytes(stem, MAX_STEM_BYTES).replace(/[\s.]+$/g, '');
  if (stem === '') stem = fallback;
  // "CON.pdf" and "nul.backup.pdf" are devices on Windows: the part before the first dot decides.
  const [first = '', ...rest] = stem.split('.');
  if (reserved.test(first)) stem = [`${first}_`, ...rest].join('.');
  return stem;
}

/**
 * Gives each stem a name with `extension` that no other in the list (nor any of `taken`) has,
 * ignoring case as Windows and macOS do: "Tom Becker.pdf", "Tom Becker (2).pdf".
 */
export function uniqueFileNames(stems: string[], extension: string, taken: Iterable<string> = []): string[] {
  const used = new Set([...taken].map((name) => name.normalize('NFC').toLowerCase()));
  return stems.map((raw) => {
    const stem = safeFileStem(raw);
    let name = `${stem}${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`;
    used.add(name.toLowerCase());
    return name;
  });
}
