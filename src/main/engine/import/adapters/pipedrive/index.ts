import type { Adapter } from '../../adapter';
import { createPipedriveActivitiesAdapter } from './activities';
import { pipedriveDealsAdapter } from './deals';

export { createPipedriveActivitiesAdapter, pipedriveDealsAdapter };

/** Pipedrive's deals and activities exports (CSV or XLSX, any UI language). */
export const pipedriveAdapters: Adapter[] = [pipedriveDealsAdapter, createPipedriveActivitiesAdapter()];
