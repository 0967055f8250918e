import { extname, join } from 'node:path';

/**
 * Downloads in the desktop window: the only ones allowed are files the app builds in the page
 * itself (a CSV export saved through `<a download>` from a `blob:` URL). Each asks where to save it.
 */

/** A file the page built itself: a Blob URL. Nothing remote is ever downloaded. */
export function isAppDownload(url: string): boolean {
  return url.startsWith('blob:');
}

export type DownloadDialogOptions = {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
};

const kinds: Record<string, { title: string; name: string }> = {
  '.csv': { title: 'Save the CSV file', name: 'CSV (Excel, Numbers, Sheets)' },
};

/** The save dialog of a download: its suggested name in the Downloads folder, filtered to its type. */
export function downloadDialogOptions(fileName: string, downloadsDir: string): DownloadDialogOptions {
  const extension = extname(fileName).toLowerCase();
  const kind = kinds[extension];
  return {
    title: kind?.title ?? 'Save the file',
    defaultPath: join(downloadsDir, fileName),
    buttonLabel: 'Save',
    filters: [
      ...(kind && extension ? [{ name: kind.name, extensions: [extension.slice(1)] }] : []),
      { name: 'All files', extensions: ['*'] },
    ],
  };
}
