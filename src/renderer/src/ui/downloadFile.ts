/**
 * Saves text as a file the way a browser downloads one: a Blob behind an `<a download>`. In
 * browser mode the browser saves it (or asks where); in the desktop app the main process asks
 * where with a save dialog (src/main/index.ts, `will-download`).
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the Blob long before this; a save dialog left open keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
