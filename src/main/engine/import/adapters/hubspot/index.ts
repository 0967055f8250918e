import type { Adapter } from '../../adapter';
import { hubspotActivitiesAdapter } from './activities';
import { hubspotDealsAdapter } from './deals';

export { hubspotActivitiesAdapter, hubspotDealsAdapter };

/** HubSpot's deal export (with its per-stage timestamps) and its activity exports. */
export const hubspotAdapters: Adapter[] = [hubspotDealsAdapter, hubspotActivitiesAdapter];
