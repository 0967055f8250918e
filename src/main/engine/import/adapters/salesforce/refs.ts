import type { RepRef } from '../../records';
import { salesforceId } from '../../rowReader';

/** Id prefixes of the objects a Task or Event can relate to. */
export const idPrefix = { opportunity: '006', listEmail: '0XB' } as const;

/** A rep reference from an OwnerId, with the owner's name or email when the file has them (Data Loader `Owner.Name`). */
export function ownerRef(
  id: string | null,
  name: string | null = null,
  email: string | null = null,
): RepRef | null {
  const ref: RepRef = {};
  const externalId = salesforceId(id);
  if (externalId) ref.externalId = externalId;
  if (name) ref.name = name;
  if (email) ref.email = email;
  return Object.keys(ref).length === 0 ? null : ref;
}

/** Splits an activity's WhatId into the deal it belongs to (only Opportunity ids) and, otherwise, the raw related id. */
export function whatLink(whatId: string | null): { dealExternalId: string | null; whatId: string | null } {
  const id = salesforceId(whatId);
  if (id === null) return { dealExternalId: null, whatId: null };
  return id.startsWith(idPrefix.opportunity)
    ? { dealExternalId: id, whatId: null }
    : { dealExternalId: null, whatId: id };
}

/** Trims a long text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Drops the empty entries of an activity's extra fields. */
export function presentFields(values: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}
