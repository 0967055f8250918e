import type { Adapter } from '../../adapter';
import { currencyTypeAdapter, datedConversionRateAdapter } from './currencyRates';
import { eventAdapter } from './event';
import { fieldHistoryReportAdapter } from './fieldHistoryReport';
import { opportunityAdapter } from './opportunity';
import { opportunityHistoryAdapter } from './opportunityHistory';
import { opportunityHistoryReportAdapter } from './opportunityHistoryReport';
import { opportunityReportAdapter } from './opportunityReport';
import { taskAdapter } from './task';
import { userAdapter } from './user';

/** Every Salesforce export shape the importer reads: Data Export / Data Loader objects and report exports. */
export const salesforceAdapters: Adapter[] = [
  userAdapter,
  opportunityAdapter,
  opportunityHistoryAdapter,
  taskAdapter,
  eventAdapter,
  opportunityReportAdapter,
  opportunityHistoryReportAdapter,
  fieldHistoryReportAdapter,
  currencyTypeAdapter,
  datedConversionRateAdapter,
];

export {
  currencyTypeAdapter,
  datedConversionRateAdapter,
  eventAdapter,
  fieldHistoryReportAdapter,
  opportunityAdapter,
  opportunityHistoryAdapter,
  opportunityHistoryReportAdapter,
  opportunityReportAdapter,
  taskAdapter,
  userAdapter,
};
