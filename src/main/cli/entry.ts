import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIsoDate } from '@shared/metrics/period';
import { migrate } from '../engine/db/migrate';
import { type Db, openDatabase } from '../engine/db/open';
import { EngineError } from '../engine/errors';
import { ensureEvaluated } from '../engine/evaluation/queries';
import { metricsReport } from '../engine/queries/metrics';
import { currentWorkflow } from '../engine/queries/workflow';
import { ensureWorkspaceDefaults } from '../engine/queries/workspace';
import { clockOf, fixedNowFromEnv } from '../fixedClock';
import { backupCommand, restoreCommand, restoreSource } from './backupCommands';
import { formatMetricsTable } from './formatMetrics';
import { importFiles } from './importCommand';

const usage = `Stagecoach command line

  npm run cli -- import --db FILE PATH… [--tz ZONE] [--date-order mdy|dmy] [--dry-run]
                        [--format [NAME=]ID] [--mapping [NAME=]MAPPING.json] [--stages STAGES.json]
      Imports CRM exports (files or folders: Salesforce, HubSpot, Pipedrive, coaching sheets)
      into the workspace FILE, created if missing, in one transaction: on any error nothing is
      written and the error names the file, row and column. Re-importing the same files changes
      nothing. --tz is the zone of datetimes written without one (default: the workspace's).
      --format reads every file (or the file NAME) as that format, instead of detecting it.
      --mapping reads files no format recognizes (or the file NAME) with a column mapping saved
      from the import screen. --stages maps CRM stage names to workflow stages, by key or name:
      { "Diseño Propuesta": "Proposal" }; the mapping is saved to the workflow once the import
      is written. --dry-run writes nothing and prints what the import would do, every warning too.

  npm run cli -- metrics --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--json]
      Counts in the workspace and, per rep, deals won and lost in the period (dates inclusive, UTC),
      win rate, median cycle days of the won deals, the won amount, per workflow stage the deals
      that entered it, their median days there and conversion onwards, and workflow compliance.

  npm run cli -- backup --db FILE [--list]
      Takes a consistent copy of the workspace into the backups folder beside it and checks it
      (integrity, schema version, tables); --list lists the backups with what each holds.

  npm run cli -- restore --db FILE --from BACKUP [--yes]
      Checks BACKUP (a file, or the name of a listed backup) and shows it beside the workspace;
      with --yes, backs the workspace up and replaces it with the backup. Close the app first.

The command line never adds demo data: a workspace holds exactly what was imported.`;

class UsageError extends Error {}

/** The system clock, or the instant STAGECOACH_FIXED_NOW pins (set by main before any command runs). */
let now: () => number = () => Date.now();

function openWorkspace(path: string | undefined, mustExist: boolean): Db {
  if (!path) throw new UsageError('--db FILE is required.');
  const dbPath = resolve(path);
  if (mustExist && !existsSync(dbPath)) throw new UsageError(`There is no workspace at ${dbPath}.`);
  const db = openDatabase(dbPath, { role: 'writer' });
  try {
    const result = migrate(db, dbPath, now());
    if (result.backupPath)
      console.error(`Upgraded ${dbPath} to schema v${result.to}; backup at ${result.backupPath}`);
    ensureWorkspaceDefaults(db, now());
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function requireDate(name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`--${name} YYYY-MM-DD is required.`);
  if (parseIsoDate(value) === null)
    throw new UsageError(`--${name} must be a date in YYYY-MM-DD form, not "${value}".`);
  return value;
}

function runMetrics(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const period = { from: requireDate('from', values.from), to: requireDate('to', values.to) };
  if (period.to < period.from) throw new UsageError(`--to (${period.to}) is before --from (${period.from}).`);
  const db = openWorkspace(values.db, true);
  try {
    const version = currentWorkflow(db);
    ensureEvaluated(db, version, now());
    const report = metricsReport(db, version, period);
    console.log(values.json ? JSON.stringify(report, null, 2) : formatMetricsTable(report));
  } finally {
    db.close();
  }
}

async function runImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      tz: { type: 'string' },
      'date-order': { type: 'string' },
      'dry-run': { type: 'boolean' },
      format: { type: 'string', multiple: true },
      mapping: { type: 'string', multiple: true },
      stages: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('Name at least one file or folder to import.');
  const order = values['date-order']?.toUpperCase();
  if (order !== undefined && order !== 'MDY' && order !== 'DMY') {
    throw new UsageError(`--date-order must be mdy or dmy, not "${values['date-order']}".`);
  }
  if (values.tz !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: values.tz });
    } catch {
      throw new UsageError(
        `--tz "${values.tz}" is not a known time zone (e.g. Europe/Berlin, America/New_York).`,
      );
    }
  }
  const db = openWorkspace(values.db, false);
  try {
    const result = await importFiles(
      db,
      positionals.map((p) => resolve(p)),
      {
        timeZone: values.tz,
        dateOrder: order as 'MDY' | 'DMY' | undefined,
        dryRun: values['dry-run'] ?? false,
        now: now(),
        choices: { format: values.format, mapping: values.mapping, stages: values.stages },
      },
    );
    (result.ok ? console.log : console.error)(result.output);
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

function runBackup(args: string[]): void {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, list: { type: 'boolean' } } });
  const db = openWorkspace(values.db, true);
  try {
    console.log(backupCommand(db, resolve(values.db ?? ''), values.list ?? false, now()));
  } finally {
    db.close();
  }
}

async function runRestore(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, from: { type: 'string' }, yes: { type: 'boolean' } },
  });
  if (!values.from) throw new UsageError('--from BACKUP is required (a file, or a name from backup --list).');
  const db = openWorkspace(values.db, true);
  try {
    const dbPath = resolve(values.db ?? '');
    const output = await restoreCommand(
      db,
      dbPath,
      restoreSource(dbPath, values.from),
      values.yes ?? false,
      () => openWorkspace(values.db, true),
      now(),
    );
    console.log(output);
  } finally {
    if (db.open) db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const fixedNow = fixedNowFromEnv();
    now = clockOf(fixedNow);
    switch (command) {
      case 'import':
        return await runImportCommand(rest);
      case 'metrics':
        runMetrics(rest);
        return 0;
      case 'backup':
        runBackup(rest);
        return 0;
      case 'restore':
        await runRestore(rest);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    console.error(error instanceof EngineError ? error.message : `Failed: ${(error as Error).message}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
