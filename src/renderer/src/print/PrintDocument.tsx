import { Chart } from 'chart.js';
import { type ReactNode, useEffect, useLayoutEffect } from 'react';
import { useLocation } from 'react-router';
import type { PdfPaper } from '@shared/api/bridge';
import type { PrintOptions } from './printParams';
import './print.css';

/** What a print route has to show: still loading, drawn (with its running header), or failed. */
export type PrintStatus =
  | { state: 'loading' }
  | { state: 'ready'; title: string; subtitle: string; footer: string }
  | { state: 'error'; message: string };

export type PrintDocumentProps = {
  options: PrintOptions;
  status: PrintStatus;
  children: ReactNode;
};

/** Page margins in millimetres, the same as the PDF makers' (src/main/pdf/pdfTemplates.ts). */
const margins = { top: 16, bottom: 16, left: 12, right: 12 };
const paperCss: Record<PdfPaper, string> = { a4: 'A4', letter: 'letter' };

/** A CSS string literal: margin boxes take their text as `content: "…"`. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

function pageRules(paper: PdfPaper, status: PrintStatus, viaPdf: boolean): string {
  const size = `size: ${paperCss[paper]}; margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm;`;
  // A PDF maker draws its own header and footer templates; the browser's dialog gets margin boxes.
  if (viaPdf || status.state !== 'ready') return `@page { ${size} }`;
  const box = 'font: 7.5pt system-ui, sans-serif; color: #555;';
  return `@page { ${size}
  @top-left { content: ${cssString(status.title)}; ${box} font-weight: 600; color: #222; }
  @top-right { content: ${cssString(status.subtitle)}; ${box} }
  @bottom-left { content: ${cssString(status.footer)}; ${box} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }
}`;
}

/** Waits for the next frame to be painted, or a moment where a hidden window paints no frames. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Tells whoever prints the route how far it got, on `document.body.dataset`: `printRoute` (the
 * route drawn), then `printReady="true"` once the data is shown, the charts drawn and the fonts
 * loaded — or `printError` with the message. PDF makers wait for it (src/main/pdf/routeRenderer.ts).
 */
function usePrintReport(route: string, status: PrintStatus, autoprint: boolean): void {
  const title = status.state === 'ready' ? status.title : '';
  const subtitle = status.state === 'ready' ? status.subtitle : '';
  const footer = status.state === 'ready' ? status.footer : '';
  const error = status.state === 'error' ? status.message : null;
  useEffect(() => {
    const data = document.body.dataset;
    data.printRoute = route;
    data.printReady = 'false';
    delete data.printError;
    if (error !== null) {
      data.printError = error;
      return;
    }
    if (status.state !== 'ready') return;
    let current = true;
    void (async () => {
      await document.fonts.ready;
      await nextFrame();
      if (!current) return;
      // A link on paper leads nowhere (and one in a PDF would point into this app): only the
      // pack's contents keep theirs, which jump inside the document.
      for (const link of document.querySelectorAll<HTMLAnchorElement>('.print-doc a[href]:not([data-toc])'))
        link.removeAttribute('href');
      Object.assign(data, { printTitle: title, printSubtitle: subtitle, printFooter: footer });
      data.printReady = 'true';
      if (autoprint) window.print();
    })();
    return () => {
      current = false;
    };
  }, [route, status.state, title, subtitle, footer, error, autoprint]);
}

/**
 * A print route's page: no app shell, the paper's width on screen as on paper (so charts are drawn
 * at the size they print), light colors whatever the system's scheme, crisp charts, the paper size
 * and margins in @page, and for the browser's dialog a running header and page numbers.
 */
export function PrintDocument({ options, status, children }: PrintDocumentProps) {
  const location = useLocation();
  const route = `${location.pathname}${location.search}`;
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.add('print-mode');
    const ratio = Chart.defaults.devicePixelRatio;
    // Canvases are printed as bitmaps: draw them at print resolution.
    Chart.defaults.devicePixelRatio = 3;
    const resize = (): void => {
      for (const chart of Object.values(Chart.instances)) chart.resize();
    };
    window.addEventListener('beforeprint', resize);
    return () => {
      root.classList.remove('print-mode');
      Chart.defaults.devicePixelRatio = ratio;
      window.removeEventListener('beforeprint', resize);
    };
  }, []);
  usePrintReport(route, status, options.autoprint && !options.viaPdf);
  return (
    <div className={`print-doc print-${options.paper}`} data-testid="print-doc">
      <style>{pageRules(options.paper, status, options.viaPdf)}</style>
      {status.state === 'error' ? (
        <div className="print-problem" role="alert">
          <h1>This page cannot be printed</h1>
          <p>{status.message}</p>
        </div>
      ) : status.state === 'loading' ? (
        <p className="print-loading" aria-busy="true">
          Preparing the page for printing…
        </p>
      ) : (
        children
      )}
    </div>
  );
}
