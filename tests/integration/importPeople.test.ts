import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '@shared/import/types';
import type { Db } from '../../src/main/engine/db/open';
import { isSystemUserName } from '../../src/main/engine/import/adapters/salesforce/user';
import { repRefFromCell } from '../../src/main/engine/import/adapters/hubspot/sharedCells';
import { trackedImportWorkspace, runTestImport } from '../helpers/importWorkspace';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const workspace = (): { db: Db; dir: string } => trackedImportWorkspace(cleanups);

const apply = async (db: Db, paths: string[]): Promise<ImportResult> =>
  (await runTestImport(db, { paths }, 'apply')) as ImportResult;

const reps = (db: Db) =>
  db.prepare('SELECT name, is_active AS active FROM reps ORDER BY name').all() as {
    name: string;
    active: number;
  }[];

// A Spanish org's Data Export: its service users are Standard users with localized names.
const users = [
  '"Id","Username","FirstName","LastName","Email","IsActive","UserType","ManagerId","Title"',
  '"0058a00000Es0001AAA","carmen@org.example","Carmen","Ruiz","carmen@org.example","1","Standard","","Directora Comercial"',
  '"0058a00000Es0002AAA","diego@org.example","Diego","Martín","diego@org.example","1","Standard","0058a00000Es0001AAA","Account Executive"',
  '"0058a00000Es0003AAA","lucia@org.example","Lucía","Gómez","lucia@org.example","1","Standard","0058a00000Es0001AAA","Account Executive"',
  '"0058a00000Es0004AAA","integration@00d.example","Usuario de","integración","","1","Standard","",""',
  '"0058a00000Es0005AAA","security@00d.example","Usuario de","seguridad","","1","Standard","",""',
  '"0058a00000Es0006AAA","insights@00d.example","","Insights Integration","","1","Standard","",""',
  '"0058a00000Es0007AAA","autoproc@00d.example","","Automated Process","","1","AutomatedProcess","",""',
  '"0058a00000Es0008AAA","pablo@org.example","Pablo","Integra","pablo@org.example","1","Standard","",""',
  '',
].join('\r\n');
const opportunities = [
  '"Id","Name","StageName","OwnerId","CreatedDate","CloseDate","IsClosed","IsWon","Amount"',
  '"0068a00001Es0001AAA","Hotel Sol – Renovación","Diseño Propuesta","0058a00000Es0002AAA","2026-09-01T10:00:00.000Z","2026-12-15","false","false","120000"',
  // Synced in by the integration: owned by its user, which is no rep.
  '"0068a00001Es0002AAA","Clínica Norte – Piloto","Prospecting","0058a00000Es0004AAA","2026-09-03T10:00:00.000Z","2026-12-20","false","false","9000"',
  '',
].join('\r\n');
const tasks = [
  '"Id","WhatId","Subject","ActivityDate","Status","OwnerId","Type","IsClosed","CreatedDate"',
  '"00T8a00001Es0001AAA","0068a00001Es0001AAA","Llamada de descubrimiento","2026-09-05","Completed","0058a00000Es0002AAA","Call","true","2026-09-05T09:00:00.000Z"',
  '"00T8a00001Es0002AAA","0068a00001Es0002AAA","Email: Bienvenida","2026-09-04","Completed","0058a00000Es0007AAA","Email","true","2026-09-04T09:00:00.000Z"',
  '',
].join('\r\n');

describe('who becomes a rep', () => {
  it('leaves Salesforce service users and users who own nothing out, and credits nothing to them', async () => {
    const { db, dir } = workspace();
    const paths = ['User.csv', 'Opportunity.csv', 'Task.csv'].map((name) => join(dir, name));
    writeFileSync(paths[0]!, users);
    writeFileSync(paths[1]!, opportunities);
    writeFileSync(paths[2]!, tasks);

    const result = await apply(db, paths);
    // Diego owns a deal and a task; Carmen manages him; Lucía and Pablo own nothing.
    expect(reps(db).map((r) => r.name)).toEqual(['Carmen Ruiz', 'Diego Martín']);
    expect(result.counts.reps).toEqual({ new: 2, changed: 0, unchanged: 0 });
    const userFile = result.files.find((f) => f.name === 'User.csv')!;
    expect(userFile.skipped).toEqual({
      'automated or integration user': 4,
      'owns no deal, task or event in the data': 2,
    });
    // The manager link holds.
    expect(
      db
        .prepare('SELECT m.name FROM reps r JOIN reps m ON m.id = r.manager_id WHERE r.name = ?')
        .pluck()
        .get('Diego Martín'),
    ).toBe('Carmen Ruiz');
    // What the service users own is kept, with no owner: no "Salesforce user 005…" rep appears.
    expect(
      db.prepare("SELECT owner_id FROM deals WHERE external_id = '0068a00001Es0002AAA'").pluck().get(),
    ).toBeNull();
    expect(
      db.prepare("SELECT rep_id FROM activities WHERE external_id = '00T8a00001Es0002AAA'").pluck().get(),
    ).toBeNull();
    for (const file of ['Opportunity.csv', 'Task.csv'])
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          file,
          message: expect.stringContaining('owned by a system account'),
        }),
      );

    // Again: nothing changes, and nobody left out sneaks in.
    const again = await apply(db, paths);
    expect(again.counts.reps).toEqual({ new: 0, changed: 0, unchanged: 2 });
    expect(reps(db)).toHaveLength(2);

    // Lucía's first deal arrives in a later export: she becomes a rep then, by her name.
    writeFileSync(
      paths[1]!,
      opportunities +
        '"0068a00001Es0003AAA","Bodegas Rioja – Ampliación","Prospecting","0058a00000Es0003AAA","2026-10-01T10:00:00.000Z","2027-01-20","false","false","45000"\r\n',
    );
    const later = await apply(db, paths);
    expect(later.counts.reps.new).toBe(1);
    expect(reps(db).map((r) => r.name)).toEqual(['Carmen Ruiz', 'Diego Martín', 'Lucía Gómez']);
  });

  it('treats a HubSpot owner written "name (Deactivated User)" as the same person, inactive', async () => {
    const { db, dir } = workspace();
    const path = join(dir, 'hubspot-crm-exports-all-deals-2026-11-20.csv');
    writeFileSync(
      path,
      [
        '"Record ID","Deal Name","Deal Stage","Pipeline","Amount","Close Date","Create Date","Deal owner"',
        '"7001","Werft Nord – Cranes","Closed Won","Sales Pipeline","56000","2026-06-30 15:00","2026-03-02 09:00","Mark Stroud (Deactivated User)"',
        '"7002","Werft Süd – Cranes","Closed Lost","Sales Pipeline","41000","2026-07-14 11:00","2026-04-11 10:00","Mark Stroud"',
        '"7003","Kai Bremen – Pilot","Appointment Scheduled","Sales Pipeline","8000","","2026-11-02 08:30","Ines Vogt"',
        '',
      ].join('\r\n'),
    );
    const result = await apply(db, [path]);
    expect(result.counts.reps).toEqual({ new: 2, changed: 0, unchanged: 0 });
    expect(reps(db)).toEqual([
      { name: 'Ines Vogt', active: 1 },
      { name: 'Mark Stroud', active: 0 },
    ]);
    const owners = db
      .prepare('SELECT count(DISTINCT owner_id) FROM deals WHERE external_id IN (?, ?)')
      .pluck()
      .get('7001', '7002');
    expect(owners).toBe(1);
    const again = await apply(db, [path]);
    expect(again.counts.reps).toEqual({ new: 0, changed: 0, unchanged: 0 });
    expect(reps(db)).toHaveLength(2);
  });

  it('knows the service-user names across languages, and only as whole names', () => {
    for (const name of [
      'Integration User',
      'Usuario de integración',
      'usuario de integracion',
      'Sicherheitsbenutzer',
      "Utilisateur d'intégration",
      'Utilisateur d’intégration',
      'Insights Integration',
    ])
      expect(isSystemUserName(name), name).toBe(true);
    for (const name of ['Pablo Integra', 'Security', 'Integration Users Team'])
      expect(isSystemUserName(name), name).toBe(false);
    expect(repRefFromCell('Mark Stroud (Deactivated User)')).toEqual({ name: 'Mark Stroud', inactive: true });
    expect(repRefFromCell('Ana Díaz (Usuario desactivado)')).toEqual({ name: 'Ana Díaz', inactive: true });
    expect(repRefFromCell('Mark Stroud (mark@x.example)')).toEqual({
      name: 'Mark Stroud',
      email: 'mark@x.example',
    });
  });
});
