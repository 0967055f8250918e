import type { Page } from 'playwright-core';
import type { PdfPrintOptions, PrintPage } from './routeRenderer';
import { paperFormats } from './pdfTemplates';

/**
 * A Chromium page of playwright-core as a PrintPage, for the tests and the bench (the app never
 * loads playwright-core: only its types are imported here). `appUrl` is browser mode's launch
 * address with its token; the first route loads it, later ones change the hash.
 */
export function playwrightPrintPage(page: Page, appUrl: string): PrintPage {
  let loaded = false;
  return {
    async open(route) {
      if (!loaded) {
        await page.goto(`${appUrl.split('#')[0]}#${route}`);
        loaded = true;
      } else await page.evaluate(`void (window.location.hash = ${JSON.stringify(route)})`);
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async pdf(options: PdfPrintOptions) {
      const mm = (value: number): string => `${value}mm`;
      const pdf = await page.pdf({
        format: paperFormats[options.paper],
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: {
          top: mm(options.margins.top),
          bottom: mm(options.margins.bottom),
          left: mm(options.margins.left),
          right: mm(options.margins.right),
        },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
  };
}
