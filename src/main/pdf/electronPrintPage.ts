import { join } from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import { printWindowOptions } from '../security/windowSecurity';
import { paperFormats } from './pdfTemplates';
import type { PdfPrintOptions, PrintPage } from './routeRenderer';

export type PrintWindowOptions = {
  rendererDir: string;
  preloadPath: string;
  devServerUrl?: string;
};

/** A PrintPage that can be closed: the hidden window goes with it. */
export type ClosablePrintPage = PrintPage & { close(): void };

const MM_PER_INCH = 25.4;

/**
 * A hidden window that prints the app's own routes: the same sandboxed, context-isolated
 * preferences and preload as the app window (the routes load their data through the API), never
 * shown, never throttled while hidden, and under the session's rule that cancels every request
 * that is not the app's own files. Created on the first route, destroyed by close().
 */
export function createPrintWindow(options: PrintWindowOptions): ClosablePrintPage {
  let window: BrowserWindow | null = null;
  const contents = (): WebContents => {
    if (!window || window.isDestroyed()) throw new Error('The print window was closed.');
    return window.webContents;
  };
  return {
    async open(route) {
      if (!window) {
        window = new BrowserWindow(printWindowOptions(options.preloadPath));
        if (options.devServerUrl) await window.loadURL(`${options.devServerUrl}#${route}`);
        else await window.loadFile(join(options.rendererDir, 'index.html'), { hash: route });
      } else await contents().executeJavaScript(`void (window.location.hash = ${JSON.stringify(route)})`);
    },
    evaluate: <T>(expression: string) => contents().executeJavaScript(expression) as Promise<T>,
    async pdf(print: PdfPrintOptions) {
      const inches = (mm: number): number => mm / MM_PER_INCH;
      const pdf = await contents().printToPDF({
        pageSize: paperFormats[print.paper],
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: print.headerTemplate,
        footerTemplate: print.footerTemplate,
        margins: {
          top: inches(print.margins.top),
          bottom: inches(print.margins.bottom),
          left: inches(print.margins.left),
          right: inches(print.margins.right),
        },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    close() {
      if (window && !window.isDestroyed()) window.destroy();
      window = null;
    },
  };
}
