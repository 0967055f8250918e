import type { Db } from '../db/open';
import type { ChangeLog } from './changeLog';
import type { RepRecord, RepRef } from './records';
import type { UpsertOutcome } from './upsert';

/**
 * Finds or creates reps across sources: by the source's own id first, then by email, then by
 * name (case-insensitive), so "Zoë Müller" from Salesforce and from a coaching sheet are one rep.
 * Every id a rep is known by is kept in rep_identities.
 */
export function createRepResolver(db: Db, log: ChangeLog, now: number) {
  const identity = db.prepare('SELECT rep_id AS id FROM rep_identities WHERE source = ? AND external_id = ?');
  const addIdentity = db.prepare(
    'INSERT INTO rep_identities (source, external_id, rep_id, batch_id) VALUES (?, ?, ?, ?)',
  );
  const byEmail = db.prepare('SELECT id FROM reps WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1');
  const byName = db.prepare('SELECT id FROM reps WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1');
  // A rep the source already knows under another of its own ids is another person there (two
  // Salesforce users sharing a name): matching them would make re-imports flip that rep between
  // the two users' values. Emails and names a source was referred by are not such ids.
  const otherwise = `NOT EXISTS (SELECT 1 FROM rep_identities i WHERE i.rep_id = reps.id AND i.source = @source
    AND i.external_id NOT LIKE 'email:%' AND i.external_id NOT LIKE 'name:%')`;
  const freeByEmail = db.prepare(
    `SELECT id FROM reps WHERE email = @value COLLATE NOCASE AND ${otherwise} ORDER BY id LIMIT 1`,
  );
  const freeByName = db.prepare(
    `SELECT id FROM reps WHERE name = @value COLLATE NOCASE AND ${otherwise} ORDER BY id LIMIT 1`,
  );
  /** The rep a new id of `source` belongs to: same email, else same name, unless taken by another id of it. */
  const matchNewId = (source: string, email: string | null, name: string | null): number | null =>
    ((email ? freeByEmail.get({ value: email, source }) : undefined) as { id: number } | undefined)?.id ??
    ((name ? freeByName.get({ value: name, source }) : undefined) as { id: number } | undefined)?.id ??
    null;
  const insertRep = db.prepare(
    `INSERT INTO reps (name, email, role, team, start_date, is_active, source, batch_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectRep = db.prepare(
    'SELECT name, email, role, team, start_date, is_active FROM reps WHERE id = ?',
  );
  const updateRep = db.prepare(
    'UPDATE reps SET name = ?, email = ?, role = ?, team = ?, start_date = ?, is_active = ? WHERE id = ?',
  );
  const setManager = db.prepare('UPDATE reps SET manager_id = ? WHERE id = ?');
  const setInactive = db.prepare('UPDATE reps SET is_active = 0 WHERE id = ?');
  const selectManager = db.prepare('SELECT manager_id FROM reps WHERE id = ?');
  const cache = new Map<string, number>();
  let created = 0;
  const createdIds = new Set<number>();
  let deactivatedExisting = 0;

  const link = (source: string, key: string, repId: number): void => {
    addIdentity.run(source, key, repId, log.batchId);
    cache.set(`${source}\u0000${key}`, repId);
  };
  const known = (source: string, key: string): number | null => {
    const cacheKey = `${source}\u0000${key}`;
    const hit = cache.get(cacheKey);
    if (hit !== undefined) return hit;
    const row = identity.get(source, key) as { id: number } | undefined;
    if (row) cache.set(cacheKey, row.id);
    return row?.id ?? null;
  };
  const create = (source: string, name: string, email: string | null): number => {
    const id = Number(
      insertRep.run(name, email, 'AE', null, null, 1, source, log.batchId, now).lastInsertRowid,
    );
    created++;
    createdIds.add(id);
    return id;
  };

  const deactivated = new Set<number>();
  /** Marks a rep inactive once per import, recording the previous row. */
  const deactivate = (repId: number): void => {
    if (deactivated.has(repId)) return;
    deactivated.add(repId);
    const current = selectRep.get(repId) as { is_active: number };
    if (current.is_active === 0) return;
    log.before('reps', repId, 'update');
    setInactive.run(repId);
    if (!createdIds.has(repId)) deactivatedExisting++;
  };
  const find = (source: string, ref: RepRef | null, fallbackName: (id: string) => string): number | null => {
    if (!ref) return null;

    const email = ref.email?.trim() || null;
    const name = ref.name?.trim() || null;
    if (ref.externalId) {
      const id = known(source, ref.externalId);
      if (id !== null) return id;
      const repId =
        matchNewId(source, email, name) ?? create(source, name ?? fallbackName(ref.externalId), email);
      link(source, ref.externalId, repId);
      return repId;
    }
    if (email) {
      const key = `email:${email.toLowerCase()}`;
      const id = known(source, key);
      if (id !== null) return id;
      const repId =
        (byEmail.get(email) as { id: number } | undefined)?.id ?? create(source, name ?? email, email);
      link(source, key, repId);
      return repId;
    }
    if (name) {
      const key = `name:${name.toLowerCase()}`;
      const id = known(source, key);
      if (id !== null) return id;
      const repId = (byName.get(name) as { id: number } | undefined)?.id ?? create(source, name, null);
      link(source, key, repId);
      return repId;
    }
    return null;
  };

  return {
    /** Reps created for references that named no known rep (counted as new reps). */
    get created(): number {
      return created;
    },

    /** Reps the workspace had that this import marked inactive (counted as changed reps). */
    get deactivated(): number {
      return deactivatedExisting;
    },

    /** Whether the workspace already has a rep for this id of the source. */
    knows(source: string, externalId: string): boolean {
      return known(source, externalId) !== null;
    },

    /** The rep a reference names, creating one when nobody matches; null for an empty reference. */
    resolve(source: string, ref: RepRef | null, fallbackName: (id: string) => string): number | null {
      const repId = find(source, ref, fallbackName);
      if (repId !== null && ref?.inactive) deactivate(repId);
      return repId;
    },

    /** Upserts a rep record from a user/roster file; fields the file leaves empty keep their value. */
    upsert(source: string, record: RepRecord): UpsertOutcome {
      let repId = known(source, record.externalId);
      let linked = false;
      if (repId === null) {
        const match = matchNewId(source, record.email, record.name);
        if (match === null) {
          const id = Number(
            insertRep.run(
              record.name,
              record.email,
              record.role ?? 'AE',
              record.team,
              record.startDate,
              record.isActive ? 1 : 0,
              source,
              log.batchId,
              now,
            ).lastInsertRowid,
          );
          link(source, record.externalId, id);
          createdIds.add(id);
          return { id, outcome: 'new' };
        }
        repId = match;
        link(source, record.externalId, repId);
        linked = true;
      }
      const current = selectRep.get(repId) as {
        name: string;
        email: string | null;
        role: string;
        team: string | null;
        start_date: string | null;
        is_active: number;
      };
      const next = [
        record.name,
        record.email ?? current.email,
        record.role ?? current.role,
        record.team ?? current.team,
        record.startDate ?? current.start_date,
        record.isActive ? 1 : 0,
      ];
      const before = [
        current.name,
        current.email,
        current.role,
        current.team,
        current.start_date,
        current.is_active,
      ];
      if (next.every((v, i) => v === before[i]))
        return { id: repId, outcome: linked ? 'changed' : 'unchanged' };
      log.before('reps', repId, 'update');
      updateRep.run(...next, repId);
      return { id: repId, outcome: 'changed' };
    },

    /** Points a rep at its manager once every rep of the import exists. */
    setManager(source: string, repId: number, managerExternalId: string): boolean {
      const managerId = known(source, managerExternalId);
      if (managerId === null || managerId === repId) return false;
      const current = selectManager.get(repId) as { manager_id: number | null };
      if (current.manager_id === managerId) return false;
      log.before('reps', repId, 'update');
      setManager.run(managerId, repId);
      return true;
    },
  };
}
