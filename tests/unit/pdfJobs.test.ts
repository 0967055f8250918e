import { describe, expect, it } from 'vitest';
import type { PdfProgress, PdfScorecardScope } from '@shared/api/bridge';
import { safeFileStem, uniqueFileNames } from '../../src/main/pdf/fileNames';
import {
  type PdfJob,
  PdfExportError,
  type RenderPdf,
  countPdfPages,
  planEveryRep,
  runPdfJobs,
} from '../../src/main/pdf/pdfJobs';
import { parsePdfExportRequest } from '../../src/main/pdf/pdfRequest';
import {
  oneOnOneRoute,
  paperOfRoute,
  repScorecardRoute,
  teamPackRoute,
} from '../../src/main/pdf/printRoutes';

/** A PDF as Chromium writes it, as far as counting pages goes. */
function fakePdf(pages: number, tag = ''): Uint8Array {
  const body = Array.from(
    { length: pages },
    (_, i) => `${i + 3} 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n`,
  );
  return new TextEncoder().encode(
    `%PDF-1.4\n%${tag}\n2 0 obj\n<< /Type /Pages /Count ${pages} >>\nendobj\n${body.join('')}%%EOF\n`,
  );
}

const scope: PdfScorecardScope = { kind: 'quarter', at: '2026-08-15', versionId: null, teams: [] };

function job(key: string, route = `/print/${key}`): PdfJob {
  return { key, label: `${key}’s scorecard`, fileName: `${key}.pdf`, route };
}

/** Writes into a map, answering the name as the path. */
function memoryWriter() {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    write: (name: string, pdf: Uint8Array) => {
      files.set(name, pdf);
      return Promise.resolve(name);
    },
  };
}

/** A render that never finishes by itself, and records whether it was told to stop. */
function hangingRender(): { render: RenderPdf; aborted: () => boolean; started: Promise<void> } {
  let aborted = false;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    render: (_route, signal) =>
      new Promise((_resolve, reject) => {
        markStarted();
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        });
      }),
    aborted: () => aborted,
    started,
  };
}

describe('file names from rep names', () => {
  it('keeps accents and CJK, composed, and replaces what Windows refuses', () => {
    expect(safeFileStem('Zoe\u0308 Mu\u0308ller')).toBe('Zoë Müller');
    expect(safeFileStem('Zoe\u0308 Mu\u0308ller').length).toBe('Zoë Müller'.length);
    expect(safeFileStem('李娜')).toBe('李娜');
    expect(safeFileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeFileStem('tab\there\nnew\u0000line')).toBe('tab here new-line');
  });

  it('drops leading and trailing dots and spaces, and renames device names', () => {
    expect(safeFileStem('  ..Jane Doe.. ')).toBe('Jane Doe');
    expect(safeFileStem('CON')).toBe('CON_');
    expect(safeFileStem('nul.backup')).toBe('nul_.backup');
    expect(safeFileStem('Connor')).toBe('Connor');
    expect(safeFileStem('...')).toBe('Untitled');
    expect(safeFileStem('', 'Rep')).toBe('Rep');
  });

  it('stays under 200 bytes without cutting a character in two', () => {
    const stem = safeFileStem('李'.repeat(100));
    expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(200);
    expect(stem).toBe('李'.repeat(66));
    const emoji = safeFileStem('👩‍💼'.repeat(40));
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(200);
  });

  it('numbers names that would collide, ignoring case as Windows and macOS do', () => {
    expect(uniqueFileNames(['Tom Becker', 'tom becker', 'Tom Becker', 'Zoë'], '.pdf', ['zoë.pdf'])).toEqual([
      'Tom Becker.pdf',
      'tom becker (2).pdf',
      'Tom Becker (3).pdf',
      'Zoë (2).pdf',
    ]);
  });
});

describe('planning every rep', () => {
  const reps = [
    { id: 7, name: '李娜' },
    { id: 3, name: 'Zoë Müller' },
    { id: 5, name: 'Tom Becker' },
    { id: 9, name: 'Amara Nwosu' },
    { id: 2, name: 'Tom Becker' },
  ];

  it('has a scorecard per rep by name, then the team summary, then the pack', () => {
    const plan = planEveryRep({ scope, paper: 'letter', periodLabel: 'Q3 2026', reps, combined: true });
    expect(plan.folderName).toBe('Scorecards Q3 2026');
    expect(plan.jobs.map((j) => j.key)).toEqual([
      'rep:9',
      'rep:2',
      'rep:5',
      'rep:3',
      'rep:7',
      'team',
      'pack',
    ]);
    expect(plan.jobs.map((j) => j.fileName)).toEqual([
      'Amara Nwosu – Scorecard Q3 2026.pdf',
      'Tom Becker – Scorecard Q3 2026.pdf',
      'Tom Becker – Scorecard Q3 2026 (2).pdf',
      'Zoë Müller – Scorecard Q3 2026.pdf',
      '李娜 – Scorecard Q3 2026.pdf',
      'Team scorecard – Q3 2026.pdf',
      'All scorecards – Q3 2026.pdf',
    ]);
    expect(plan.jobs[0]!.route).toBe(repScorecardRoute(9, scope, 'letter'));
    expect(plan.jobs[0]!.route).toBe('/print/scorecard/9?period=quarter&at=2026-08-15&paper=letter&via=pdf');
  });

  it('names the teams and leaves the pack out when not asked for', () => {
    const plan = planEveryRep({
      scope: { ...scope, teams: ['North', 'South'], versionId: 4 },
      paper: 'a4',
      periodLabel: 'Sep 2026',
      reps: reps.slice(0, 1),
      combined: false,
    });
    expect(plan.folderName).toBe('Scorecards North, South Sep 2026');
    expect(plan.jobs.map((j) => j.fileName)).toEqual([
      '李娜 – Scorecard Sep 2026.pdf',
      'Team scorecard – North, South Sep 2026.pdf',
    ]);
    expect(plan.jobs[1]!.route).toBe(
      '/print/team?period=quarter&at=2026-08-15&team=North&team=South&version=4&paper=a4&via=pdf',
    );
  });
});

describe('running the jobs', () => {
  it('renders and writes each job in order, reporting progress before and after each', async () => {
    const rendered: string[] = [];
    const progress: PdfProgress[] = [];
    const { files, write } = memoryWriter();
    const result = await runPdfJobs([job('a'), job('b')], {
      render: (route) => {
        rendered.push(route);
        return Promise.resolve(fakePdf(1, route));
      },
      write,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ status: 'saved', files: ['a.pdf', 'b.pdf'] });
    expect(rendered).toEqual(['/print/a', '/print/b']);
    expect(new TextDecoder().decode(files.get('b.pdf'))).toContain('%/print/b');
    expect(progress).toEqual([
      { done: 0, total: 2, current: 'a’s scorecard' },
      { done: 1, total: 2, current: null },
      { done: 1, total: 2, current: 'b’s scorecard' },
      { done: 2, total: 2, current: null },
    ]);
  });

  it('gives the pack the page counts of the PDFs made before it', async () => {
    const plan = planEveryRep({
      scope,
      paper: 'a4',
      periodLabel: 'Q3 2026',
      reps: [
        { id: 5, name: 'Tom Becker' },
        { id: 3, name: 'Zoë Müller' },
      ],
      combined: true,
    });
    const pages: Record<string, number> = {
      '/print/scorecard/5': 3,
      '/print/scorecard/3': 2,
      '/print/team': 4,
    };
    const routes: string[] = [];
    await runPdfJobs(plan.jobs, {
      render: (route) => {
        routes.push(route);
        return Promise.resolve(fakePdf(pages[route.split('?')[0]!] ?? 30));
      },
      write: memoryWriter().write,
    });
    expect(routes.at(-1)).toBe(
      teamPackRoute(scope, 'a4', [
        { key: 'team', pages: 4 },
        { key: 5, pages: 3 },
        { key: 3, pages: 2 },
      ]),
    );
    expect(routes.at(-1)).toContain('toc=team%3A4%2C5%3A3%2C3%3A2');
  });

  it('stops on Cancel, abandons the PDF being drawn and keeps the files already written', async () => {
    const controller = new AbortController();
    const hanging = hangingRender();
    const { files, write } = memoryWriter();
    const run = runPdfJobs([job('a'), job('b'), job('c')], {
      render: (route, signal) =>
        route === '/print/b' ? hanging.render(route, signal) : Promise.resolve(fakePdf(1)),
      write,
      signal: controller.signal,
    });
    await hanging.started;
    controller.abort();
    await expect(run).resolves.toEqual({ status: 'cancelled', files: ['a.pdf'] });
    expect(hanging.aborted()).toBe(true);
    expect([...files.keys()]).toEqual(['a.pdf']);
  });

  it('does not start when cancelled before the first PDF', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const result = await runPdfJobs([job('a')], {
      render: () => {
        calls += 1;
        return Promise.resolve(fakePdf(1));
      },
      write: memoryWriter().write,
      signal: controller.signal,
    });
    expect(result).toEqual({ status: 'cancelled', files: [] });
    expect(calls).toBe(0);
  });

  it('gives up on a PDF that takes too long, says which, and stops the drawing', async () => {
    const hanging = hangingRender();
    const { files, write } = memoryWriter();
    const run = runPdfJobs([job('a'), job('b'), job('c')], {
      render: (route, signal) =>
        route === '/print/b' ? hanging.render(route, signal) : Promise.resolve(fakePdf(1)),
      write,
      timeoutMs: 200,
    });
    await expect(run).rejects.toThrow(PdfExportError);
    await expect(run).rejects.toThrow(
      'B’s scorecard did not finish drawing within 0.2 s. One PDF was written before it.',
    );
    expect(hanging.aborted()).toBe(true);
    expect([...files.keys()]).toEqual(['a.pdf']);
  });

  it('passes on why a PDF failed', async () => {
    await expect(
      runPdfJobs([job('a')], {
        render: () => Promise.reject(new Error('This address names no rep')),
        write: memoryWriter().write,
      }),
    ).rejects.toThrow('A’s scorecard could not be made: This address names no rep.');
  });
});

describe('PDF facts and requests', () => {
  it('counts the pages of a Chromium PDF', () => {
    expect(countPdfPages(fakePdf(3))).toBe(3);
    expect(countPdfPages(fakePdf(0))).toBe(0);
  });

  it('builds print routes the renderer reads', () => {
    expect(oneOnOneRoute(12, 'letter')).toBe('/print/one-on-one/12?paper=letter&via=pdf');
    expect(paperOfRoute(oneOnOneRoute(12, 'letter'))).toBe('letter');
    expect(paperOfRoute('/print/team?period=month')).toBe('a4');
  });

  it('checks export requests at the edge', () => {
    expect(parsePdfExportRequest({ kind: 'everyRep', scope, paper: 'a4', combined: true })).toEqual({
      ok: true,
      request: { kind: 'everyRep', scope, paper: 'a4', combined: true },
    });
    const badDay = parsePdfExportRequest({
      kind: 'team',
      scope: { ...scope, at: '2026-02-30' },
      paper: 'a4',
    });
    expect(badDay).toEqual({
      ok: false,
      message: 'Invalid PDF export request: scope.at must be a real date in YYYY-MM-DD form.',
    });
    expect(parsePdfExportRequest({ kind: 'rep', repId: -1, scope, paper: 'a4' }).ok).toBe(false);
    expect(parsePdfExportRequest({ kind: 'oneOnOne', repId: 3, paper: 'a3' }).ok).toBe(false);
    expect(parsePdfExportRequest({ kind: 'print', repId: 3 }).ok).toBe(false);
  });
});
