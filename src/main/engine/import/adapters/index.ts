import type { Adapter } from '../adapter';
import { hubspotAdapters } from './hubspot';
import { observationAdapters } from './observations';
import { pipedriveAdapters } from './pipedrive';
import { salesforceAdapters } from './salesforce';

/** Every built-in export format; detection picks the best-scoring one per file. */
export const builtInAdapters: readonly Adapter[] = [
  ...salesforceAdapters,
  ...hubspotAdapters,
  ...pipedriveAdapters,
  ...observationAdapters,
];
