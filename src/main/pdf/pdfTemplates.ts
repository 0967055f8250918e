import type { PdfPaper } from '@shared/api/bridge';

/**
 * The running header and footer Chromium draws in the page margins of a PDF (printToPDF and
 * page.pdf take the same templates): who and which period at the top, the workflow version, the
 * data's freshness and "Page 2 of 5" at the bottom.
 */

/** Page margins in millimetres; the print routes' @page rules use the same ones. */
export const pageMarginsMm = { top: 16, bottom: 16, left: 12, right: 12 } as const;

/** Chromium's names of the papers. */
export const paperFormats: Record<PdfPaper, 'A4' | 'Letter'> = { a4: 'A4', letter: 'Letter' };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Templates get no page styles: everything is inline, with an explicit size (the default is 0).
const band = [
  'box-sizing:border-box',
  'width:100%',
  `padding:0 ${pageMarginsMm.right}mm 0 ${pageMarginsMm.left}mm`,
  'display:flex',
  'justify-content:space-between',
  'align-items:baseline',
  'gap:8mm',
  "font-family:system-ui,'Noto Sans','Noto Sans CJK SC',sans-serif",
  'font-size:7.5pt',
  'color:#555',
  '-webkit-print-color-adjust:exact',
].join(';');
const ellipsis = 'overflow:hidden;text-overflow:ellipsis;white-space:nowrap';

/** The header: the document's title (rep or team) at the left, the period at the right. */
export function headerTemplate(title: string, subtitle: string): string {
  return (
    `<div style="${band};padding-top:3mm">` +
    `<span style="${ellipsis};font-weight:600;color:#222">${escapeHtml(title)}</span>` +
    `<span style="${ellipsis}">${escapeHtml(subtitle)}</span>` +
    `</div>`
  );
}

/** The footer: the workflow version and the data's date at the left, the page number at the right. */
export function footerTemplate(meta: string): string {
  return (
    `<div style="${band};padding-bottom:2mm">` +
    `<span style="${ellipsis}">${escapeHtml(meta)}</span>` +
    `<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
    `</div>`
  );
}
