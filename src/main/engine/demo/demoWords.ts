import type { Rng } from './prng';

/** Word lists behind the demo's accounts, stakeholders and field values. */

const accountStems = (
  'Northwind Bluefin Cobalt Summit Harbor Ironwood Lumen Pioneer Redwood Silverline ' +
  'Tidewater Vertex Granite Juniper Keystone Meridian Oakridge Pinnacle Quarry Riverbend ' +
  'Sterling Trailhead Aurora Beacon Crescent Evergreen Falcon Helix Atlas Copperleaf ' +
  'Driftwood Ember Foxglove Greystone Halcyon Indigo Kestrel Larkspur Mosaic Nimbus Orchard ' +
  'Polaris Quill Rosewood Saffron Tamarack Umbra Willow Yellowpine Zenith Brightwater ' +
  'Clearpath Fjord Alder Bramble Cinder Delta Everest Fairway Glacier'
).split(' ');

const accountTrades = (
  'Logistics, Health, Analytics, Foods, Manufacturing, Financial, Energy, Software, Retail, ' +
  'Biotech, Capital, Robotics, Labs, Freight, Insurance, Media, Dental Group, Hotels, ' +
  'Systems, Packaging, Telecom, Mobility, Pharma, Construction, Security'
).split(', ');

const accountForms = ['', '', '', ' Inc.', ' LLC', ' Ltd', ' GmbH', ' Group', ' & Co.', ' Corp.'];

/** Real exports carry accents and non-Latin names; the demo does too so every view shows them. */
const specialAccounts = [
  'Café Société SA',
  'Nordlicht Gerätebau GmbH',
  'São Paulo Têxtil Ltda',
  'Øresund Shipping A/S',
  'Łódź Components',
  '東京ロジスティクス株式会社',
  'Škoda Parts Distribution',
  'Crème de la Crème Bakeries',
];

/** Draws an account name; about one in forty is one of the accented or non-Latin ones. */
export function accountName(rng: Rng): string {
  if (rng.chance(0.025)) return rng.pick(specialAccounts);
  return `${rng.pick(accountStems)} ${rng.pick(accountTrades)}${rng.pick(accountForms)}`;
}

export const newBusinessProducts = [
  'Platform',
  'Platform (annual)',
  'Analytics add-on',
  'Enterprise plan',
  'Team plan',
  'Forecasting suite',
  'Pilot',
];

export const expansionProducts = [
  'Expansion: additional seats',
  'Expansion: Analytics add-on',
  'Expansion: new region',
  'Upsell: Enterprise plan',
  'Expansion: second business unit',
];

const firstNames = (
  'Olivia Liam Emma Noah Ava Ethan Sophia Lucas Mia Mason Isabella Aarav Ananya Wei Mei ' +
  'Hiroshi Yuki Fatima Omar Chloé Søren Björn Inés José Renée Jürgen Chiara Kwame Ngozi ' +
  'Dmitri Olga Siobhán Rafael Grace Marcus Nadia Tariq Elena Hannah Samuel Leila Viktor ' +
  'Aoife'
).split(' ');

const lastNames = (
  'Smith, Johnson, Garcia, Martínez, Nguyen, Kim, Patel, Singh, Chen, Tanaka, Sato, Schmidt, ' +
  'Fischer, Dubois, Lefèvre, Rossi, Bianchi, Kowalski, Novák, Andersen, Johansson, Okoye, ' +
  "Mensah, Haddad, Cohen, O'Brien, Murphy, Silva, Pereira, Ivanova, Brown, Wilson, Taylor, " +
  'Clarke, Walker, Ahmed, Yılmaz, Nakamura, Hernández'
).split(', ');

/** Draws `count` distinct stakeholder names for one deal. */
export function stakeholders(rng: Rng, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${rng.pick(firstNames)} ${rng.pick(lastNames)}`);
  return [...names];
}

export const painPoints = [
  'Forecast misses by 20%+ every quarter',
  'Manual pipeline reporting takes two days a month',
  'Reps skip CRM updates; managers fly blind',
  'Onboarding new reps takes six months',
  'No visibility into why deals stall after the demo',
  'Churn in the first 90 days after signature',
  'Spreadsheets for territory planning break every quarter',
];

export const personas = [
  'VP Sales',
  'RevOps lead',
  'CFO',
  'Head of Sales Enablement',
  'CRO',
  'IT Director',
  'Sales Manager',
];

export const nextSteps = [
  'Demo with the ops team next week',
  'Technical review with IT',
  'Business case for the CFO',
  'Pilot scoping call',
  'Intro to the economic buyer',
  'Security questionnaire back by Friday',
];

export const useCases = [
  'Pipeline forecasting',
  'Rep coaching and scorecards',
  'Territory planning',
  'Deal desk approvals',
  'Onboarding new reps',
  'Renewal risk tracking',
];

export const leadSources = [
  'Inbound — website',
  'Outbound — SDR',
  'Partner referral',
  'Event',
  'Webinar',
  'Customer referral',
];

/** Lost reasons weighted by the stage a deal was lost from: early losses are budget and timing. */
export const lostReasonsByStage: Record<string, readonly (readonly [string, number])[]> = {
  lead: [
    ['No budget', 3],
    ['Timing', 3],
    ['No decision', 2],
  ],
  discovery: [
    ['No budget', 3],
    ['Timing', 2],
    ['No decision', 3],
    ['Competitor', 1],
  ],
  demo: [
    ['Competitor', 3],
    ['No decision', 3],
    ['Timing', 2],
    ['No budget', 1],
  ],
  proposal: [
    ['Price', 4],
    ['Competitor', 3],
    ['No decision', 2],
    ['No budget', 1],
  ],
  negotiation: [
    ['Price', 4],
    ['Competitor', 2],
    ['No budget', 1],
    ['No decision', 1],
  ],
};

export const defaultLostReasons: readonly (readonly [string, number])[] = [
  ['No decision', 2],
  ['Timing', 1],
  ['Price', 1],
  ['Competitor', 1],
  ['No budget', 1],
];
