import type { Adapter, AdapterOutput, ReadContext } from '../../adapter';
import type { RepRecord } from '../../records';
import { createRowReader, salesforceId } from '../../rowReader';
import type { SourceTable } from '../../table';
import { guessRole } from './roles';
import { scoreShape } from './shape';
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

/** Reads a User export (Data Export Service or Data Loader) into reps, leaving out non-Standard users. */
function readUsers(table: SourceTable, context: ReadContext): AdapterOutput {
  const reader = createRowReader(table, context, fields);
  const skipped = createSkipCounter();
  const records: RepRecord[] = [];
  for (const row of table.rows) {
    const userType = reader.text(row, 'userType');
    if (userType !== null && userType.toLowerCase() !== 'standard') {
      skipped.skip(
        automatedTypes.has(userType.toLowerCase()) ? skipReasons.automatedUser : skipReasons.otherUser,
      );
      continue;
    }
    const externalId = salesforceId(reader.id(row, 'id'));
    if (externalId === null) {
      reader.error(row, 'id', 'the user has no Id');
      continue;
    }
    const fullName = [reader.text(row, 'firstName'), reader.text(row, 'lastName')].filter(Boolean).join(' ');
    const name = reader.text(row, 'name') ?? (fullName || reader.text(row, 'username'));
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
  return { records, issues: reader.issues, skipped: skipped.counts };
}

export const userAdapter: Adapter = {
  id: 'salesforce-user',
  source: 'salesforce',
  label: 'Salesforce users (User.csv)',
  entity: 'reps',
  detect: (headers) =>
    scoreShape(headers, {
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
