import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPaths } from '../builtPaths';
import { dealsBench } from './dealsBench';
import { evaluateBench } from './evaluateBench';
import { importBench } from './importBench';
import { oneOnOneBench } from './oneOnOneBench';
import { pdfBench } from './pdfBench';

const benches: Record<string, (dir: string) => Promise<void> | void> = {
  deals: (dir) => dealsBench(dir, Number(process.env.BENCH_DEALS ?? 100_000)),
  evaluate: (dir) => evaluateBench(dir, Number(process.env.BENCH_DEALS ?? 100_000)),
  import: (dir) =>
    importBench(dir, builtPaths(__dirname).workerPath, Number(process.env.BENCH_ROWS ?? 1_000_000)),
  oneOnOne: (dir) => oneOnOneBench(dir),
  pdf: (dir) => pdfBench(dir, builtPaths(__dirname)),
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = names.length > 0 ? names : Object.keys(benches);
  for (const name of chosen) {
    const bench = benches[name];
    if (!bench) {
      console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benches).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), `stagecoach-bench-${name}-`));
    try {
      console.log(`== ${name} ==`);
      await bench(dir);
    } finally {
      if (process.argv.includes('--keep')) console.log(`Kept the benchmark files in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
}

void main();
