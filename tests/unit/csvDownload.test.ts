import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadDialogOptions, isAppDownload } from '../../src/main/security/downloads';

describe('desktop downloads', () => {
  it('lets through only files the page built itself', () => {
    expect(isAppDownload('blob:file:///6f1c2a8e-0000-4000-8000-000000000000')).toBe(true);
    expect(isAppDownload('blob:http://127.0.0.1:5173/6f1c2a8e')).toBe(true);
    expect(isAppDownload('https://example.com/report.csv')).toBe(false);
    expect(isAppDownload('file:///etc/passwd')).toBe(false);
    expect(isAppDownload('data:text/csv,a')).toBe(false);
  });

  it('asks where to save a CSV, in the Downloads folder, filtered to CSV files', () => {
    const options = downloadDialogOptions('stagecoach-deals-2026-11-27.csv', '/home/ana/Downloads');
    expect(options.defaultPath).toBe(join('/home/ana/Downloads', 'stagecoach-deals-2026-11-27.csv'));
    expect(options.title).toBe('Save the CSV file');
    expect(options.filters[0]).toEqual({ name: 'CSV (Excel, Numbers, Sheets)', extensions: ['csv'] });
    expect(options.filters.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
  });

  it('offers any other file under its own name', () => {
    const options = downloadDialogOptions('notes.txt', '/tmp');
    expect(options.title).toBe('Save the file');
    expect(options.filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
