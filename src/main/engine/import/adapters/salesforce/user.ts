import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { RepRecord } from '../../records';
import { createRowReader, salesforceId } from '../../rowReader';
import type { SourceTable } from '../../table';
import { guessRole } from './roles';
import { shaped } from './shape';
import { createSkipCounter, skipReasons } from './skipped';

const fields = {
  id: ['Id'],
  username: ['Username'],
  name: ['Name'],
  firstName: ['FirstName'],
  lastName: ['LastName'],
  email: ['Email'],
  isActive: ['IsActive'],
  userType: ['UserType'],
  managerId: ['ManagerId'],
  title: ['Title'],
  roleName: ['UserRole.Name', 'UserRoleName'],
  department: ['Department'],
  division: ['Division'],
} as const;

// Salesforce's own non-human users; anything else that is not Standard is a portal, partner or
// Chatter-only login — not a rep either, but worth telling apart in the skip summary.
const automatedTypes = new Set([
  'automatedprocess',
  'cloudintegrationuser',
  'licensemanager',
  'sfdcadmin',
  'csnonly',
  'externalwho',
]);

/**
 * Names Salesforce gives its own Standard-type service users (Analytics Cloud integration and
 * security users, Einstein/Insights, Data.com), in the languages an org can run in. Matched on the
 * whole name, case- and accent-insensitively, so a person named "Integra" stays a rep.
 */
const systemUserNames = new Set(
  [
    'Integration User',
    'Security User',
    'Insights Integration',
    'Automated Process',
    'Platform Integration User',
    'Data.com Clean',
    'Chatter Expert',
    'Einstein Activity Capture',
    // Spanish, Portuguese, German, French, Italian, Dutch
    'Usuario de integración',
    'Usuario de seguridad',
    'Usuário de integração',
    'Usuário de segurança',
    'Integrationsbenutzer',
    'Sicherheitsbenutzer',
    "Utilisateur d'intégration",
    "Utilisateur de l'intégration",
    'Utilisateur de sécurité',
    'Utilisateur de la sécurité',
    'Utente integrazione',
    'Utente di integrazione',
    'Utente sicurezza',
    'Utente di sicurezza',
    'Integratiegebruiker',
    'Beveiligingsgebruiker',
  ].map(foldName),
);

function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether a Standard user is one of Salesforce's own service accounts, by its name. */
export function isSystemUserName(name: string): boolean {
  return systemUserNames.has(foldName(name));
}

/** Reads a User export (Data Export Service or Data Loader) into reps, leaving out non-Standard users. */
function readUsers(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, context, fields);
  const skipped = createSkipCounter();
  const records: RepRecord[] = [];
  const systemUserIds: string[] = [];
  for (const row of table.rows) {
    const userType = reader.text(row, 'userType');
    const externalId = salesforceId(reader.id(row, 'id'));
    if (userType !== null && userType.toLowerCase() !== 'standard') {
      const automated = automatedTypes.has(userType.toLowerCase());
      skipped.skip(automated ? skipReasons.automatedUser : skipReasons.otherUser);
      if (automated && externalId !== null) systemUserIds.push(externalId);
      continue;
    }
    if (externalId === null) {
      reader.error(row, 'id', 'the user has no Id');
      continue;
    }
    const fullName = [reader.text(row, 'firstName'), reader.text(row, 'lastName')].filter(Boolean).join(' ');
    const name = reader.text(row, 'name') ?? (fullName || reader.text(row, 'username'));
    if (name && isSystemUserName(name)) {
      skipped.skip(skipReasons.automatedUser);
      systemUserIds.push(externalId);
      continue;
    }
    if (!name) {
      reader.error(row, 'lastName', 'the user has no name');
      continue;
    }
    records.push({
      kind: 'rep',
      externalId,
      name,
      email: reader.text(row, 'email'),
      // Not the profile: standard profiles such as "Contract Manager" say nothing about the job.
      role: guessRole(reader.text(row, 'title'), reader.text(row, 'roleName')),
      team: reader.text(row, 'department') ?? reader.text(row, 'division'),
      managerExternalId: salesforceId(reader.id(row, 'managerId')),
      // The User object has no hire date; its CreatedDate is when the login was made.
      startDate: null,
      isActive: reader.has('isActive') ? (reader.bool(row, 'isActive') ?? true) : true,
      at: { file: table.fileName, line: row.line },
    });
  }
  return { records, issues: reader.issues, skipped: skipped.counts, systemUserIds };
}

export const userAdapter: Adapter = {
  id: 'salesforce-user',
  source: 'salesforce',
  label: 'Salesforce users (User.csv)',
  entity: 'reps',
  ...shaped({
    required: [['Id'], ['Username'], ['LastName', 'Name']],
    typical: [
      'FirstName',
      'Email',
      'IsActive',
      'UserType',
      'ManagerId',
      'UserRoleId',
      'ProfileId',
      'Alias',
      'TimeZoneSidKey',
    ],
    foreign: ['StageName', 'WhatId', 'OpportunityId'],
  }),
  read: readUsers,
};
