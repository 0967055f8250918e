/**
 * What the crash-safety worker writes, derived only from (round, iteration), so the test can tell
 * what any batch or observation found in the file should hold — acknowledged or not — and what
 * every acknowledged write must still hold after a SIGKILL.
 *
 * Ids are 15-character Salesforce ids: a 3-character object prefix, the round (5 digits), the
 * iteration within the round (4 digits) and the row's place in the batch.
 */

export const MAX_ROUND = 99_999;
export const MAX_ITERATION = 9_999;

export type PlannedDeal = {
  externalId: string;
  name: string;
  ownerId: string;
  /** Stage history, oldest first; the deal's current stage is the last one. */
  stages: { id: string; stage: string; at: string }[];
  tasks: { id: string; subject: string; at: string }[];
};

export type ImportPlan = { tag: string; round: number; iteration: number; deals: PlannedDeal[] };

/** The reps every batch carries (re-imported unchanged after the first batch). */
export const plannedUsers = [1, 2, 3].map((n) => ({
  id: `005000000000${String(n).padStart(3, '0')}`,
  first: 'Crash',
  last: `Tester ${n}`,
  email: `crash.tester${n}@example.com`,
}));

const stageNames = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function checkPosition(round: number, iteration: number): void {
  if (!Number.isInteger(round) || round < 0 || round > MAX_ROUND)
    throw new Error(`round must be a whole number from 0 to ${MAX_ROUND}, not ${round}`);
  if (!Number.isInteger(iteration) || iteration < 0 || iteration > MAX_ITERATION)
    throw new Error(`iteration must be a whole number from 0 to ${MAX_ITERATION}, not ${iteration}`);
}

export const tagOf = (round: number, iteration: number): string => `${pad(round, 5)}${pad(iteration, 4)}`;

/** A Salesforce-style datetime (UTC) some days and hours after 2025-01-01. */
function at(days: number, hours: number): string {
  const date = new Date(Date.UTC(2025, 0, 1 + days, 8 + hours, 0, 0));
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** The import of (round, iteration): 1–4 new deals, each with 2–4 stage changes and 1–3 tasks. */
export function importPlan(round: number, iteration: number): ImportPlan {
  checkPosition(round, iteration);
  const tag = tagOf(round, iteration);
  const dealCount = 1 + ((round * 7 + iteration * 3) % 4);
  const deals: PlannedDeal[] = [];
  for (let k = 0; k < dealCount; k++) {
    const start = (round * 13 + iteration * 5 + k) % 300;
    const stageCount = 2 + ((k + iteration) % 3);
    const taskCount = 1 + ((k + round) % 3);
    deals.push({
      externalId: `006${tag}${pad(k, 2)}0`,
      name: `Crash ${tag} deal ${k}`,
      ownerId: plannedUsers[(k + iteration) % plannedUsers.length]!.id,
      stages: Array.from({ length: stageCount }, (_, j) => ({
        id: `008${tag}${pad(k, 2)}${j}`,
        stage: stageNames[j]!,
        at: at(start + j * 6, j),
      })),
      tasks: Array.from({ length: taskCount }, (_, j) => ({
        id: `00T${tag}${pad(k, 2)}${j}`,
        subject: j % 2 === 0 ? 'Call' : 'Email: follow-up',
        at: at(start + j * 4 + 1, 2),
      })),
    });
  }
  return { tag, round, iteration, deals };
}

/** The round and iteration a deal external id was planned for, or null when it is not one of ours. */
export function planOfDeal(externalId: string): { round: number; iteration: number } | null {
  const match = /^006(\d{5})(\d{4})\d{2}0$/.exec(externalId);
  return match ? { round: Number(match[1]), iteration: Number(match[2]) } : null;
}

const csv = (rows: (string | number)[][]): string =>
  rows.map((row) => row.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

/** The plan as a Salesforce Data Export: User.csv, Opportunity.csv, OpportunityHistory.csv, Task.csv. */
export function salesforceFiles(plan: ImportPlan): Record<string, string> {
  const users = csv([
    ['Id', 'Username', 'FirstName', 'LastName', 'Email', 'IsActive', 'UserType', 'Title', 'Department'],
    ...plannedUsers.map((u) => [
      u.id,
      u.email,
      u.first,
      u.last,
      u.email,
      '1',
      'Standard',
      'Account Executive',
      'Crash',
    ]),
  ]);
  const opportunities = csv([
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
      'LastStageChangeDate',
    ],
    ...plan.deals.map((d, k) => {
      const last = d.stages.at(-1)!;
      return [
        d.externalId,
        '0',
        `001${plan.tag}${pad(k, 2)}0`,
        d.name,
        last.stage,
        1000 + k * 250,
        '2026-06-30 00:00:00',
        '0',
        '0',
        d.ownerId,
        d.stages[0]!.at,
        last.at,
      ];
    }),
  ]);
  const history = csv([
    [
      'Id',
      'OpportunityId',
      'CreatedById',
      'CreatedDate',
      'StageName',
      'Amount',
      'CloseDate',
      'Probability',
      'IsDeleted',
    ],
    ...plan.deals.flatMap((d) =>
      d.stages.map((s, j) => [
        s.id,
        d.externalId,
        d.ownerId,
        s.at,
        s.stage,
        1000,
        '2026-06-30 00:00:00',
        10 + j * 10,
        '0',
      ]),
    ),
  ]);
  const tasks = csv([
    [
      'Id',
      'WhoId',
      'WhatId',
      'Subject',
      'ActivityDate',
      'Status',
      'Priority',
      'OwnerId',
      'Type',
      'IsDeleted',
      'IsClosed',
      'CreatedDate',
      'CallDurationInSeconds',
      'CompletedDateTime',
    ],
    ...plan.deals.flatMap((d) =>
      d.tasks.map((t) => [
        t.id,
        '',
        d.externalId,
        t.subject,
        `${t.at.slice(0, 10)} 00:00:00`,
        'Completed',
        'Normal',
        d.ownerId,
        t.subject === 'Call' ? 'Call' : 'Email',
        '0',
        '1',
        t.at,
        t.subject === 'Call' ? 300 : 0,
        t.at,
      ]),
    ),
  ]);
  return {
    'User.csv': users,
    'Opportunity.csv': opportunities,
    'OpportunityHistory.csv': history,
    'Task.csv': tasks,
  };
}

/** The observation of (round, iteration): its marker (in the notes) and its 1–3 commitments. */
export function observationPlan(
  round: number,
  iteration: number,
): { marker: string; notes: string; commitments: string[] } {
  checkPosition(round, iteration);
  const marker = `crash-${tagOf(round, iteration)}`;
  const count = 1 + ((round + iteration) % 3);
  return {
    marker,
    notes: `Crash test ${marker}: ${count} commitment(s).`,
    commitments: Array.from({ length: count }, (_, j) => `${marker} commitment ${j + 1}`),
  };
}

/** The marker of an observation the worker wrote, read back from its notes. */
export function markerOfNotes(notes: string): { round: number; iteration: number } | null {
  const match = /^Crash test crash-(\d{5})(\d{4}):/.exec(notes);
  return match ? { round: Number(match[1]), iteration: Number(match[2]) } : null;
}

/** What the worker prints, one line per event, each only after the transaction returned. */
export type WorkerLine =
  | { kind: 'loaded' }
  | { kind: 'ready' }
  | { kind: 'import'; batchId: number; round: number; iteration: number }
  | { kind: 'observation'; id: number; round: number; iteration: number };

export const formatLoaded = (): string => 'loaded\n';
export const formatReady = (): string => 'ready\n';
export const formatImportAck = (batchId: number, plan: ImportPlan): string =>
  `ack import ${batchId} ${plan.round} ${plan.iteration} ${plan.deals.map((d) => d.externalId).join(' ')}\n`;
export const formatObservationAck = (id: number, round: number, iteration: number): string =>
  `ack observation ${id} ${round} ${iteration} ${observationPlan(round, iteration).marker}\n`;

/** Reads one complete line the worker printed; null for anything else (a torn last line never counts). */
export function parseWorkerLine(line: string): WorkerLine | null {
  if (line === 'loaded') return { kind: 'loaded' };
  if (line === 'ready') return { kind: 'ready' };
  const parts = line.split(' ');
  if (parts[0] !== 'ack' || parts.length < 5) return null;
  const [, what, id, round, iteration] = parts;
  const numbers = [id, round, iteration].map(Number);
  if (numbers.some((n) => !Number.isInteger(n))) return null;
  const [n, r, i] = numbers as [number, number, number];
  if (what === 'import') {
    // The ack names the deals it wrote; they must be the plan's, or the line is not ours.
    const planned = importPlan(r, i).deals.map((d) => d.externalId);
    if (parts.slice(5).join(' ') !== planned.join(' ')) return null;
    return { kind: 'import', batchId: n, round: r, iteration: i };
  }
  if (what === 'observation') return { kind: 'observation', id: n, round: r, iteration: i };
  return null;
}
