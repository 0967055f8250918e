import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { once } from 'node:events';
import type { EngineEvent } from '@shared/api/events';
import { startEngineHost } from '../engine/host';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Writes a Salesforce Data Export set: User.csv, Opportunity.csv and a Task.csv of `tasks` rows. */
async function writeSalesforceExport(dir: string, tasks: number, opportunities: number): Promise<void> {
  const quote = (cells: (string | number)[]): string =>
    cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',') + '\n';
  const write = async (
    name: string,
    header: string[],
    rows: number,
    row: (i: number) => (string | number)[],
  ) => {
    const out = createWriteStream(join(dir, name));
    out.write(quote(header));
    for (let i = 0; i < rows; i++) {
      if (!out.write(quote(row(i)))) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  };
  const userId = (i: number) => `005Hs00000${pad(i, 5)}`;
  const oppId = (i: number) => `006Hs0000${pad(i, 6)}`;
  await write(
    'User.csv',
    ['Id', 'Username', 'FirstName', 'LastName', 'Email', 'IsActive', 'UserType'],
    40,
    (i) => [userId(i), `rep${i}@example.com`, `Rep`, `Number ${i}`, `rep${i}@example.com`, '1', 'Standard'],
  );
  await write(
    'Opportunity.csv',
    [
      'Id',
      'IsDeleted',
      'AccountId',
      'Name',
      'StageName',
      'Amount',
      'CloseDate',
      'IsClosed',
      'IsWon',
      'OwnerId',
      'CreatedDate',
    ],
    opportunities,
    (i) => [
      oppId(i),
      '0',
      `001Hs0000${pad(i % 5000, 6)}`,
      `Opportunity ${i}`,
      ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Closed Won', 'Closed Lost'][i % 5]!,
      1000 + (i % 97) * 250,
      `2026-${pad(1 + (i % 12), 2)}-15 00:00:00`,
      i % 5 >= 3 ? '1' : '0',
      i % 5 === 3 ? '1' : '0',
      userId(i % 40),
      `2025-${pad(1 + (i % 12), 2)}-0${1 + (i % 9)} 10:00:00`,
    ],
  );
  const subjects = [
    'Call',
    'Email: follow-up',
    'Demo — product walkthrough',
    'Proposal sent',
    'Discovery call',
  ];
  await write(
    'Task.csv',
    [
      'Id',
      'WhoId',
      'WhatId',
      'Subject',
      'ActivityDate',
      'Status',
      'Priority',
      'OwnerId',
      'Description',
      'Type',
      'IsClosed',
      'CreatedDate',
      'CallDurationInSeconds',
      'CompletedDateTime',
    ],
    tasks,
    (i) => [
      `00THs00${pad(i, 8)}`,
      i % 7 === 0 ? '000000000000000AAA' : `003Hs0000${pad(i % 90000, 6)}`,
      oppId(i % opportunities),
      subjects[i % subjects.length]!,
      `2026-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)} 00:00:00`,
      'Completed',
      'Normal',
      userId(i % 40),
      i % 3 === 0 ? 'Discussed pricing and next steps with the buyer.' : '',
      '',
      '1',
      `2026-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)} 09:${pad(i % 60, 2)}:00`,
      i % 5 === 0 ? 300 + (i % 600) : 0,
      `2026-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)} 10:${pad(i % 60, 2)}:00`,
    ],
  );
}

function sqliteCliImport(csv: string, dbPath: string): number | null {
  const started = performance.now();
  const result = spawnSync('sqlite3', [dbPath, '.mode csv', `.import ${csv} tasks`], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return (performance.now() - started) / 1000;
}

/**
 * The import benchmark: a million Salesforce Task rows (with their users and opportunities)
 * imported end to end through the engine host, against the sqlite3 CLI's `.import` of the
 * same Task file; also the host thread's event-loop lag, peak memory and database size.
 */
export async function importBench(dir: string, workerPath: string, tasks: number): Promise<void> {
  const opportunities = Math.max(1000, Math.round(tasks / 20));
  console.log(
    `Writing a Salesforce Data Export with ${tasks.toLocaleString('en-US')} tasks and ${opportunities.toLocaleString('en-US')} opportunities…`,
  );
  await writeSalesforceExport(dir, tasks, opportunities);
  const taskCsv = join(dir, 'Task.csv');
  const dbPath = join(dir, 'bench.db');
  const host = await startEngineHost({ dbPath, workerPath, seedDemoIfNew: false });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  let lastProgress: EngineEvent | null = null;
  host.onEvent((event) => {
    if (event.type === 'progress') lastProgress = event;
  });
  lag.enable();
  const started = performance.now();
  const result = await host.call('import:apply', {
    paths: [join(dir, 'User.csv'), join(dir, 'Opportunity.csv'), taskCsv],
    timeZone: 'UTC',
  });
  const seconds = (performance.now() - started) / 1000;
  lag.disable();
  clearInterval(sampler);
  await host.close();
  if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
  const rows = tasks + opportunities + 40;
  const dbBytes = statSync(dbPath).size;
  const cliSeconds = sqliteCliImport(taskCsv, join(dir, 'cli.db'));
  const ours = rows / seconds;
  console.log('');
  console.log(
    `import: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s = ${Math.round(ours).toLocaleString('en-US')} rows/s (parse, validate, upsert, undo log)`,
  );
  if (cliSeconds !== null) {
    const theirs = tasks / cliSeconds;
    console.log(
      `sqlite3 CLI .import of Task.csv: ${cliSeconds.toFixed(2)} s = ${Math.round(theirs).toLocaleString('en-US')} rows/s`,
    );
    console.log(`ratio (ours / sqlite3 CLI): ${(ours / theirs).toFixed(2)}×   target ≥ 0.60×`);
  } else console.log('sqlite3 CLI not installed (apt-get install -y sqlite3): no reference ratio');
  console.log(
    `host event-loop lag during the import: p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms   target p99 ≤ 50 ms`,
  );
  console.log(`peak memory (RSS, host and workers): ${Math.round(peakRss / 1024 / 1024)} MB`);
  console.log(
    `database: ${(dbBytes / 1024 / 1024).toFixed(1)} MB = ${((dbBytes / 1024 / 1024) * (1_000_000 / tasks)).toFixed(1)} MB per million activities   target ≤ 150 MB`,
  );
  if (lastProgress)
    console.log(
      `progress events reached ${(lastProgress as { done: number }).done.toLocaleString('en-US')} records`,
    );
}
