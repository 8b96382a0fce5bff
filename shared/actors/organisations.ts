/**
 * A small curated list of the international and security organisations security-cooperation
 * articles keep naming, with the spellings they appear under. No package maintains such a list;
 * this one is kept short on purpose (the registry, not this file, is where a project's own actors
 * live). Each entry says what kind of body it is, because a coder treats a party to talks (NATO),
 * an armed group that is a topic (ISIS) and a news agency that is only a source (INA) differently.
 */
import { lettersOf, phraseKey } from './text-tokens';

export type OrganisationType =
  /** States acting together: UN, AU, EU, Arab League, GCC, IGAD, OIC, Interpol. */
  | 'intergovernmental'
  /** A defence alliance or coalition: NATO, the Global Coalition against Daesh. */
  | 'military-alliance'
  /** A field mission of one of the above: AMISOM, ATMIS, NATO Mission Iraq, UNAMI. */
  | 'mission'
  /** A national ministry, council or agency: US DHS, Iran's SNSC. */
  | 'agency'
  /** A non-state armed group: ISIS, Al-Shabaab, Al-Qaeda. */
  | 'armed-group'
  /** A news agency: a source the article quotes, rarely a party. */
  | 'news-agency';

export interface KnownOrganisation {
  /** Stable id for suggestions ("nato"). */
  key: string;
  name: string;
  aliases: readonly string[];
  type: OrganisationType;
  /** For national bodies, the state they belong to (alpha-3). */
  countryCode?: string;
  /** The organisation a mission belongs to. */
  parentKey?: string;
}

// "IS" (Islamic State) is left out on purpose: it is the verb in every all-caps headline.
export const ORGANISATIONS: readonly KnownOrganisation[] = [
  {
    key: 'nato',
    name: 'North Atlantic Treaty Organization',
    // "Nato" is British house style (Guardian, BBC).
    aliases: ['NATO', 'Nato', 'North Atlantic Treaty Organisation', 'OTAN', 'North Atlantic Alliance'],
    type: 'military-alliance',
  },
  {
    key: 'nato-mission-iraq',
    name: 'NATO Mission Iraq',
    aliases: ['NATO Mission in Iraq', 'NMI'],
    type: 'mission',
    parentKey: 'nato',
  },
  { key: 'un', name: 'United Nations', aliases: ['UN', 'U.N.'], type: 'intergovernmental' },
  {
    key: 'unsc',
    name: 'United Nations Security Council',
    aliases: ['UN Security Council', 'U.N. Security Council', 'UNSC'],
    type: 'intergovernmental',
    parentKey: 'un',
  },
  {
    key: 'unami',
    name: 'United Nations Assistance Mission for Iraq',
    aliases: ['UNAMI', 'UN Assistance Mission for Iraq'],
    type: 'mission',
    parentKey: 'un',
  },
  {
    key: 'unsom',
    name: 'United Nations Assistance Mission in Somalia',
    aliases: ['UNSOM', 'UN Assistance Mission in Somalia'],
    type: 'mission',
    parentKey: 'un',
  },
  { key: 'au', name: 'African Union', aliases: ['AU'], type: 'intergovernmental' },
  {
    key: 'amisom',
    name: 'African Union Mission in Somalia',
    aliases: ['AMISOM'],
    type: 'mission',
    parentKey: 'au',
  },
  {
    key: 'atmis',
    name: 'African Union Transition Mission in Somalia',
    aliases: ['ATMIS'],
    type: 'mission',
    parentKey: 'au',
  },
  { key: 'eu', name: 'European Union', aliases: ['EU', 'E.U.'], type: 'intergovernmental' },
  { key: 'arab-league', name: 'Arab League', aliases: ['League of Arab States'], type: 'intergovernmental' },
  {
    key: 'gcc',
    name: 'Gulf Cooperation Council',
    aliases: ['GCC', 'Cooperation Council for the Arab States of the Gulf'],
    type: 'intergovernmental',
  },
  {
    key: 'igad',
    name: 'Intergovernmental Authority on Development',
    aliases: ['IGAD'],
    type: 'intergovernmental',
  },
  {
    key: 'oic',
    name: 'Organisation of Islamic Cooperation',
    aliases: ['Organization of Islamic Cooperation', 'OIC'],
    type: 'intergovernmental',
  },
  {
    key: 'interpol',
    name: 'International Criminal Police Organization',
    aliases: ['Interpol', 'INTERPOL'],
    type: 'intergovernmental',
  },
  {
    key: 'global-coalition',
    name: 'Global Coalition to Defeat ISIS',
    aliases: ['Global Coalition Against Daesh', 'Global Coalition', 'Operation Inherent Resolve', 'CJTF-OIR'],
    type: 'military-alliance',
  },
  {
    key: 'isis',
    name: 'Islamic State',
    aliases: [
      'ISIS',
      'ISIL',
      'Isis',
      'Isil',
      'Daesh',
      "Da'esh",
      'Islamic State of Iraq and Syria',
      'Islamic State of Iraq and the Levant',
      'Islamic State group',
    ],
    type: 'armed-group',
  },
  {
    key: 'al-shabaab',
    name: 'Al-Shabaab',
    // Doubled letters are collapsed when compared, so "al-Shabab" needs no entry of its own.
    aliases: ['Al Shabaab', 'Shabaab', 'Harakat al-Shabaab al-Mujahideen'],
    type: 'armed-group',
    countryCode: 'SOM',
  },
  {
    key: 'al-qaeda',
    name: 'Al-Qaeda',
    aliases: ['Al Qaeda', 'al-Qaida', "al-Qa'ida", 'Al-Qaida'],
    type: 'armed-group',
  },
  {
    key: 'pmf',
    name: 'Popular Mobilization Forces',
    aliases: ['Popular Mobilisation Forces', 'PMF', 'Hashd al-Shaabi', 'al-Hashd al-Shaabi', 'Popular Mobilization Units'],
    type: 'armed-group',
    countryCode: 'IRQ',
  },
  { key: 'hezbollah', name: 'Hezbollah', aliases: ['Hizbullah', 'Hizballah'], type: 'armed-group', countryCode: 'LBN' },
  { key: 'houthis', name: 'Houthis', aliases: ['Ansar Allah', 'Houthi movement'], type: 'armed-group', countryCode: 'YEM' },
  {
    key: 'us-dhs',
    name: 'US Department of Homeland Security',
    aliases: ['Department of Homeland Security', 'DHS', 'U.S. Department of Homeland Security'],
    type: 'agency',
    countryCode: 'USA',
  },
  {
    key: 'ir-snsc',
    name: 'Supreme National Security Council',
    aliases: ['SNSC'],
    type: 'agency',
    countryCode: 'IRN',
  },
  { key: 'ina', name: 'Iraqi News Agency', aliases: ['INA'], type: 'news-agency', countryCode: 'IRQ' },
];

const ACRONYM = /^[A-Z.-]+$/;

/** One spelling of an organisation, as the text suggester looks for it. */
export interface OrganisationForm {
  form: string;
  /** `phraseKey(form)`, computed once. */
  key: string;
  organisation: KnownOrganisation;
  exactCase: boolean;
}

let forms: OrganisationForm[] | null = null;
let byKey: Map<string, OrganisationForm[]> | null = null;

export function organisationForms(): readonly OrganisationForm[] {
  forms ??= ORGANISATIONS.flatMap((organisation) =>
    [organisation.name, ...organisation.aliases].map((form) => ({ form, key: phraseKey(form), organisation, exactCase: ACRONYM.test(form) })),
  );
  return forms;
}

export function organisationByKey(key: string): KnownOrganisation | undefined {
  return ORGANISATIONS.find((o) => o.key === key);
}

/** "NATO", "Daesh", "al-Shabab" -> the entry; acronyms must match in case ("un" is not the UN). */
export function findOrganisation(name: string): KnownOrganisation | null {
  if (!byKey) {
    byKey = new Map();
    for (const form of organisationForms()) {
      const list = byKey.get(form.key);
      if (list) list.push(form);
      else byKey.set(form.key, [form]);
    }
  }
  // "Interpol" and "INTERPOL" share a key; any spelling that fits in case will do.
  const fits = byKey.get(phraseKey(name))?.find((f) => !f.exactCase || lettersOf(f.form) === lettersOf(name));
  return fits?.organisation ?? null;
}
