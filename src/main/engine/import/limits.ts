/** Size guards: a file past one of these is refused with a message that names the limit. */
export const importLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxRows: 5_000_000,
  maxCellChars: 1_000_000,
  maxXlsxBytes: 100 * 1024 * 1024,
  maxXlsxUnzippedBytes: 1024 * 1024 * 1024,
  /** Zip entries that expand more than this many times are treated as a decompression bomb. */
  maxXlsxRatio: 200,
};

export type ImportLimits = typeof importLimits;
