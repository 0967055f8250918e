import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '@shared/import/types';
import type { Db } from '../../src/main/engine/db/open';
import { undoBatch } from '../../src/main/engine/import/changeLog';
import { importHistory } from '../../src/main/engine/import/pipeline';
import { testNow } from '../helpers/clock';
import { dbState } from '../helpers/dbState';
import {
  trackedImportWorkspace,
  mavenMapping,
  mavenPipeline,
  runTestImport,
} from '../helpers/importWorkspace';

const now = testNow;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const workspace = (): { db: Db; dir: string } => trackedImportWorkspace(cleanups);

const run = runTestImport;

describe('import pipeline on a real SQLite file', () => {
  it('imports the Maven set through a column mapping, idempotently, and undoes it exactly', async () => {
    const { db } = workspace();
    const before = dbState(db);
    const request = { paths: [mavenPipeline], mappings: { 'sales_pipeline.csv': mavenMapping } };

    const preview = (await run(db, request, 'preview')) as ImportPreview;
    expect(preview.errorCount).toBe(0);
    expect(preview.counts.deals).toEqual({ new: 8800, changed: 0, unchanged: 0 });
    expect(dbState(db)).toEqual(before); // a preview writes nothing

    const applied = (await run(db, request, 'apply')) as ImportResult;
    expect(applied.counts.deals.new).toBe(8800);
    // 30 of the 35 agents have deals: they become reps, matched by name.
    expect(applied.counts.reps.new).toBe(30);
    const statuses = Object.fromEntries(
      (
        db.prepare('SELECT status, count(*) AS n FROM deals GROUP BY status').all() as {
          status: string;
          n: number;
        }[]
      ).map((r) => [r.status, r.n]),
    );
    expect(statuses).toEqual({ won: 4238, lost: 2473, open: 2089 });
    const stored = db
      .prepare("SELECT amount, account, created_at FROM deals WHERE external_id = '1C1I7A6R'")
      .get();
    expect(stored).toEqual({ amount: 1054, account: 'Cancity', created_at: Date.UTC(2016, 9, 20) });

    // The mapping is remembered: the same file imports again without being given one.
    const again = (await run(db, { paths: [mavenPipeline] }, 'apply')) as ImportResult;
    expect(again.files[0]!.mappingSaved).toBe(true);
    expect(again.counts.deals).toEqual({ new: 0, changed: 0, unchanged: 8800 });
    expect(again.counts.reps.new).toBe(0);

    const afterImport = dbState(db);
    undoBatch(db, again.batchId, now);
    expect(dbState(db)).toEqual(afterImport);
    undoBatch(db, applied.batchId, now);
    expect(dbState(db)).toEqual(before);
    expect(importHistory(db).map((b) => b.status)).toEqual(['undone', 'undone']);
  });

  it('writes nothing when one row is broken, and names the file, row and column', async () => {
    const { db, dir } = workspace();
    const path = join(dir, 'deals.csv');
    writeFileSync(
      path,
      'id,name,stage,created,amount\nD1,Acme renewal,Qualification,2026-01-05,1200\nD2,Globex pilot,Closed Won,2026-13-45,900\n',
    );
    const before = dbState(db);
    const mapping = {
      entity: 'deals' as const,
      sourceName: 'Sheet',
      columns: { externalId: 'id', name: 'name', stage: 'stage', createdAt: 'created', amount: 'amount' },
    };
    const request = { paths: [path], mappings: { 'deals.csv': mapping } };
    const preview = (await run(db, request, 'preview')) as ImportPreview;
    expect(preview.canApply).toBe(false);
    expect(preview.issues[0]).toMatchObject({
      severity: 'error',
      file: 'deals.csv',
      line: 3,
      column: 'created',
    });
    await expect(run(db, request, 'apply')).rejects.toThrow(
      /Nothing was imported.*deals\.csv, row 3, column "created"/,
    );
    expect(dbState(db)).toEqual(before);
    expect(importHistory(db)).toEqual([]);
  });

  it('reads BOM, semicolon and multi-line files, keeps accents and CJK, and reports unmapped stages', async () => {
    const { db, dir } = workspace();
    const path = join(dir, 'deals-export.csv');
    const body =
      'id;name;owner;stage;created;amount\r\n' +
      'X1;"Zoë\'s ""big"" deal";Zoë Müller;Negotiation/Review;15/01/2026;1.234,56\r\n' +
      'X2;"Two\nlines";李娜;Firmas;20/02/2026;99,5\r\n';
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]));
    const mapping = {
      entity: 'deals' as const,
      sourceName: 'Sheet',
      columns: {
        externalId: 'id',
        name: 'name',
        owner: 'owner',
        stage: 'stage',
        createdAt: 'created',
        amount: 'amount',
      },
    };
    const result = (await run(
      db,
      { paths: [path], mappings: { 'deals-export.csv': mapping } },
      'apply',
    )) as ImportResult;
    expect(result.files[0]).toMatchObject({ encoding: 'UTF-8 with BOM', delimiter: 'semicolon', rows: 2 });
    expect(result.unmappedStages).toEqual([{ stage: 'Firmas', rows: expect.any(Number) }]);
    const deals = db
      .prepare(
        'SELECT d.name, d.amount, d.stage_key, d.created_at, r.name AS owner FROM deals d JOIN reps r ON r.id = d.owner_id ORDER BY d.external_id',
      )
      .all();
    expect(deals).toEqual([
      {
        name: 'Zoë\'s "big" deal',
        amount: 1234.56,
        stage_key: 'negotiation',
        created_at: Date.UTC(2026, 0, 15),
        owner: 'Zoë Müller',
      },
      { name: 'Two\nlines', amount: 99.5, stage_key: null, created_at: Date.UTC(2026, 1, 20), owner: '李娜' },
    ]);
  });

  it('keeps two Salesforce users who share a name apart, so re-importing them changes nothing', async () => {
    // Found by fuzzing: a new user id used to be matched to an existing rep by name even when that
    // rep already was another Salesforce user, and each re-import then flipped the rep between them.
    const { db, dir } = workspace();
    const path = join(dir, 'User.csv');
    writeFileSync(
      path,
      '"Id","Username","FirstName","LastName","Email","IsActive","Title"\r\n' +
        '"0058a00000Kq0001AAA","a@x.example","Sam","Lee","sam.lee@x.example","1","Account Executive"\r\n' +
        '"0058a00000Kq0002AAA","b@x.example","Sam","Lee","","1","Sales Development Rep"\r\n',
    );
    // Each owns a deal: users who own nothing are no reps.
    const deals = join(dir, 'Opportunity.csv');
    writeFileSync(
      deals,
      '"Id","Name","StageName","OwnerId","CreatedDate","CloseDate","IsClosed","IsWon"\r\n' +
        '"0068a00001Jm0001AAA","Deal one","Prospecting","0058a00000Kq0001AAA","2026-09-01T10:00:00.000Z","2026-12-01","false","false"\r\n' +
        '"0068a00001Jm0002AAA","Deal two","Prospecting","0058a00000Kq0002AAA","2026-09-02T10:00:00.000Z","2026-12-02","false","false"\r\n',
    );
    const first = (await run(db, { paths: [path, deals] }, 'apply')) as ImportResult;
    expect(first.counts.reps).toMatchObject({ new: 2, changed: 0 });
    const again = (await run(db, { paths: [path, deals] }, 'apply')) as ImportResult;
    expect(again.counts.reps).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    const reps = db.prepare("SELECT name, email FROM reps WHERE name = 'Sam Lee' ORDER BY id").all();
    expect(reps).toEqual([
      { name: 'Sam Lee', email: 'sam.lee@x.example' },
      { name: 'Sam Lee', email: null },
    ]);
  });
});
