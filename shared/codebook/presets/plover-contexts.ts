/**
 * PLOVER's context list (the "why" of an event), as topics. Keys are PLOVER's own so they export
 * unchanged; labels and definitions are ours. Kept in its own file because the PLOVER preset uses
 * it as its topic list and tests use the keys to check every preset's `plover.context` mapping.
 */
import type { CodebookValue } from '../../model/codebook';
import { value } from './build';

function context(key: string, label: string, definition: string): CodebookValue {
  return value(key, label, definition, { plover: { context: key } });
}

const CONTEXTS: CodebookValue[] = [
  context('military', 'Military', 'Armed forces, defence and military assistance.'),
  context('intelligence', 'Intelligence', 'Intelligence services, and intelligence or sensitive information.'),
  context('executive', 'Executive', 'Heads of government, cabinets and executive policy.'),
  context('legislative', 'Legislative', 'Parliaments, lawmaking and legislative coalitions.'),
  context('election', 'Elections', 'Elections, campaigns and voting.'),
  context('political_institutions', 'Political institutions', 'Constitutions, state institutions and how they change.'),
  context('pro_democracy', 'Pro-democracy', 'Action aimed at opening up or strengthening democratic rule.'),
  context('pro_autocracy', 'Pro-autocracy', 'Action aimed at concentrating power or closing political space.'),
  context('economic', 'Economic', 'Trade, finance, investment and development.'),
  context('legal', 'Legal', 'Courts, law and judicial processes, domestic or international (not human rights).'),
  context('reparations', 'Reparations', 'Compensation or restitution for past wrongs.'),
  context('human_rights', 'Human rights', 'Where human rights are explicitly at issue.'),
  context('rights_freedoms', 'Rights and freedoms', 'Political rights and civil liberties such as speech or assembly.'),
  context('repression', 'Repression', 'State action to suppress opponents or dissent.'),
  context('human_security', 'Human security', 'Access to food, water, shelter, energy and land.'),
  context('gender', 'Gender', "Women's issues, gender equality and gender-based concerns."),
  context('lgbt', 'LGBT', 'Lesbian, gay, bisexual, transgender and queer people and issues.'),
  context('religion_ethnicity', 'Religion and ethnicity', 'Named religious or ethnic groups, or religion and ethnicity broadly.'),
  context('inequality', 'Inequality', 'Economic or social inequality between groups.'),
  context('diplomatic', 'Diplomatic', 'Diplomacy and relations between states or organisations.'),
  context('territory', 'Territory', 'Control of, or disputes over, land and borders as territory.'),
  context('peacekeeping', 'Peacekeeping', 'Peace operations, usually multinational.'),
  context('health', 'Health', 'Disease, epidemics and public health.'),
  context('asylum', 'Asylum', 'Protection granted to persons on a territory or in an embassy.'),
  context('migration', 'Migration', 'Migrants, refugees and displaced people.'),
  context('disasters', 'Disasters', 'Natural disasters and major accidents.'),
  context('natural_resource', 'Natural resources', 'Oil, gas, minerals, water and other resources.'),
  context('environment', 'Environment', 'Environmental protection and climate.'),
  context('technology', 'Technology', 'Science and technology, their transfer and control.'),
  context('terrorism', 'Terrorism', 'Terrorist groups, attacks and counter-terrorism.'),
  context('cbrn', 'CBRN', 'Chemical, biological, radiological and nuclear weapons.'),
  context('cyber', 'Cyber', 'Cyber attacks, cyber crime and network security.'),
  context('misinformation', 'Misinformation', 'False or misleading information and its spread.'),
  context('crime', 'Crime', 'Crimes and criminals in general.'),
  context('corruption', 'Corruption', 'Abuse of public office for private gain.'),
  context('illegal_drugs', 'Illegal drugs', 'Production, trade and control of illegal drugs.'),
  context('trafficking', 'Trafficking', 'Trafficking of people, arms or goods.'),
];

/**
 * PLOVER also names four markers for the event's standing rather than its subject; projects do not
 * use them yet, but an analyst coding from a report in the future tense may want `future`.
 */
const MARKERS: CodebookValue[] = [
  context('historical', 'Historical (marker)', 'The report describes something that happened in the past, not news.'),
  context('future', 'Future (marker)', 'The report describes something expected or planned, not yet done.'),
  context('hypothetical', 'Hypothetical (marker)', 'The report describes something that might happen under conditions.'),
  context('negation', 'Negation (marker)', 'The report says the event did not happen.'),
];

export const PLOVER_CONTEXT_TOPICS: readonly CodebookValue[] = [...CONTEXTS, ...MARKERS];

/** Every PLOVER context key, markers included: what a `plover.context` mapping may name. */
export const PLOVER_CONTEXT_KEYS: ReadonlySet<string> = new Set(PLOVER_CONTEXT_TOPICS.map((c) => c.key));
