import type { PdfPaper } from '@shared/api/bridge';
import type { RenderPdf } from './pdfJobs';
import { footerTemplate, headerTemplate, pageMarginsMm } from './pdfTemplates';
import { paperOfRoute } from './printRoutes';

/**
 * Draws print routes as PDFs on one browser page, whatever the browser: a hidden Electron window
 * in the desktop app, a Chromium page of playwright-core in the tests and the bench. The page
 * loads the app once; later routes are hash changes, so each PDF costs its data and drawing only.
 */

/** What a print route says about itself on `document.body.dataset` once drawn (or failed). */
export type PrintState = {
  ready: boolean;
  /** The hash route it drew. */
  route: string | null;
  error: string | null;
  /** The running header: rep or team, and the period. */
  title: string;
  subtitle: string;
  /** The footer's text: workflow version and the date of the newest data. */
  footer: string;
};

export type PdfPrintOptions = {
  paper: PdfPaper;
  headerTemplate: string;
  footerTemplate: string;
  /** Millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
};

/** The few things a browser page must do to print a route. */
export type PrintPage = {
  /** Shows the route (a hash path such as /print/team?…): loads the app or changes the hash. */
  open(route: string): Promise<void>;
  /** Evaluates an expression in the page and answers its (JSON) value. */
  evaluate<T>(expression: string): Promise<T>;
  pdf(options: PdfPrintOptions): Promise<Uint8Array>;
};

/** Reads the print state the route left on the body. */
export const printStateExpression = `(() => {
  const d = document.body ? document.body.dataset : {};
  return {
    ready: d.printReady === 'true',
    route: d.printRoute ?? null,
    error: d.printError ?? null,
    title: d.printTitle ?? '',
    subtitle: d.printSubtitle ?? '',
    footer: d.printFooter ?? '',
  };
})()`;

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('The PDF was cancelled.');
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function sameRoute(a: string | null, b: string): boolean {
  if (a === null) return false;
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return a === b;
  }
}

/**
 * A RenderPdf over `page`: opens the route (tagged so a repeated route is drawn afresh), waits
 * until the route reports itself drawn — or failed, whose message it passes on — and prints it
 * with the route's own header and footer. Waiting ends when `signal` aborts (cancel, timeout).
 */
export function createRouteRenderer(page: PrintPage, options: { pollMs?: number } = {}): RenderPdf {
  const pollMs = options.pollMs ?? 25;
  let drawn = 0;
  return async (route, signal) => {
    drawn += 1;
    const tagged = `${route}${route.includes('?') ? '&' : '?'}render=${drawn}`;
    await page.open(tagged);
    let state: PrintState;
    for (;;) {
      if (signal.aborted) throw abortError(signal);
      state = await page.evaluate<PrintState>(printStateExpression);
      if (sameRoute(state.route, tagged) && (state.ready || state.error)) break;
      await delay(pollMs, signal);
    }
    if (state.error) throw new Error(state.error);
    return page.pdf({
      paper: paperOfRoute(route),
      headerTemplate: headerTemplate(state.title, state.subtitle),
      footerTemplate: footerTemplate(state.footer),
      margins: pageMarginsMm,
    });
  };
}
