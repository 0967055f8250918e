import type { Adapter } from '../../adapter';
import { observationsAdapter } from './observations';

export { observationsAdapter };

/** Coaches' shadowing-observation spreadsheets (CSV or XLSX). */
export const observationAdapters: Adapter[] = [observationsAdapter];
