import { describe, expect, it } from 'vitest';
import { footerTemplate, headerTemplate } from '../../src/main/pdf/pdfTemplates';
import {
  type PdfPrintOptions,
  type PrintPage,
  type PrintState,
  createRouteRenderer,
} from '../../src/main/pdf/routeRenderer';

const drawn = (route: string, over: Partial<PrintState> = {}): PrintState => ({
  ready: true,
  route,
  error: null,
  title: 'Zoë Müller · Scorecard',
  subtitle: 'Q3 2026',
  footer: 'Workflow v2 · data up to Sep 30, 2026',
  ...over,
});

/**
 * A page that draws each route after `polls` reads of its state, the way a print route first
 * reports the previous route (or nothing), then itself.
 */
function fakePage(options: { polls?: number; state?: (route: string) => PrintState } = {}) {
  const opened: string[] = [];
  const printed: PdfPrintOptions[] = [];
  /** The route on screen each time a PDF was taken. */
  const shown: (string | null)[] = [];
  let current: string | null = null;
  let last: PrintState | null = null;
  let reads = 0;
  const page: PrintPage = {
    open(route) {
      opened.push(route);
      current = route;
      reads = 0;
      return Promise.resolve();
    },
    evaluate<T>() {
      reads += 1;
      const route = current!;
      const state =
        reads <= (options.polls ?? 2)
          ? drawn(opened.at(-2) ?? '', { ready: opened.length > 1 })
          : (options.state ?? drawn)(route);
      last = state;
      return Promise.resolve(state as T);
    },
    pdf(print) {
      printed.push(print);
      shown.push(last?.route ?? null);
      return Promise.resolve(new TextEncoder().encode(`%PDF ${current}`));
    },
  };
  return { page, opened, printed, shown };
}

describe('drawing a print route as PDF', () => {
  it('waits until the route itself says it is drawn, then prints it with its header and footer', async () => {
    const { page, opened, printed } = fakePage({ polls: 3 });
    const render = createRouteRenderer(page, { pollMs: 1 });
    const pdf = await render('/print/scorecard/3?paper=letter&via=pdf', new AbortController().signal);
    expect(opened).toEqual(['/print/scorecard/3?paper=letter&via=pdf&render=1']);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF /print/scorecard/3?paper=letter&via=pdf&render=1');
    expect(printed).toHaveLength(1);
    expect(printed[0]!.paper).toBe('letter');
    expect(printed[0]!.margins).toEqual({ top: 16, bottom: 16, left: 12, right: 12 });
    expect(printed[0]!.headerTemplate).toBe(headerTemplate('Zoë Müller · Scorecard', 'Q3 2026'));
    expect(printed[0]!.footerTemplate).toBe(footerTemplate('Workflow v2 · data up to Sep 30, 2026'));
  });

  it('never takes the previous route for the new one, even when the same route is asked twice', async () => {
    const { page, opened, shown } = fakePage({ polls: 2 });
    const render = createRouteRenderer(page, { pollMs: 1 });
    await render('/print/team', new AbortController().signal);
    await render('/print/team', new AbortController().signal);
    expect(opened).toEqual(['/print/team?render=1', '/print/team?render=2']);
    expect(shown).toEqual(opened);
  });

  it('passes on the reason a route could not be drawn', async () => {
    const { page, printed } = fakePage({
      state: (route) => drawn(route, { ready: false, error: 'This rep is not in the workspace.' }),
    });
    const render = createRouteRenderer(page, { pollMs: 1 });
    await expect(render('/print/scorecard/99', new AbortController().signal)).rejects.toThrow(
      'This rep is not in the workspace.',
    );
    expect(printed).toHaveLength(0);
  });

  it('stops waiting when told to', async () => {
    const { page, printed } = fakePage({ state: (route) => drawn(route, { ready: false }) });
    const render = createRouteRenderer(page, { pollMs: 5 });
    const controller = new AbortController();
    const rendering = render('/print/team', controller.signal);
    setTimeout(() => controller.abort(new Error('Cancelled by the user.')), 30);
    await expect(rendering).rejects.toThrow('Cancelled by the user.');
    expect(printed).toHaveLength(0);
  });
});

describe('header and footer templates', () => {
  it('escapes the names they show and numbers the pages', () => {
    const header = headerTemplate('<b>Tom & "Jerry"</b>', 'Q3 2026');
    expect(header).toContain('&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;');
    expect(header).not.toContain('<b>');
    expect(header).toMatch(/font-size:\s*7\.5pt/);
    const footer = footerTemplate('Workflow v1');
    expect(footer).toContain('<span class="pageNumber"></span>');
    expect(footer).toContain('<span class="totalPages"></span>');
  });
});
