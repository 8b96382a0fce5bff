import { describe, expect, it } from 'vitest';
import {
  countryByCode,
  countryForCapital,
  countryForDemonym,
  countryForName,
  countryForPlace,
  EXTRA_PLACE_ALIASES,
  listCountries,
  placeForms,
} from './countries';
import { findOrganisation, ORGANISATIONS, organisationByKey } from './organisations';

describe('countries from world-countries', () => {
  it('covers the package, keyed by alpha-3 and alpha-2', () => {
    expect(listCountries().length).toBeGreaterThanOrEqual(249);
    expect(countryByCode('IRQ')?.name).toBe('Iraq');
    expect(countryByCode('so')?.code).toBe('SOM');
  });

  it('finds common, official and alternative names, folding case and diacritics', () => {
    expect(countryForName('Iraq')).toBe('IRQ');
    expect(countryForName('Republic of Iraq')).toBe('IRQ');
    expect(countryForName('Federal Republic of Somalia')).toBe('SOM');
    expect(countryForName('Islamic Republic of Iran')).toBe('IRN');
    expect(countryForName('Türkiye')).toBe('TUR');
    expect(countryForName('TURKIYE')).toBe('TUR');
    expect(countryForName('Côte d’Ivoire')).toBe('CIV');
    expect(countryForName('Atlantis')).toBeNull();
  });

  it('finds demonyms, preferring the UN member where a territory shares one', () => {
    expect(countryForDemonym('Iraqi')).toBe('IRQ');
    expect(countryForDemonym('Somali')).toBe('SOM');
    expect(countryForDemonym('Iranian')).toBe('IRN');
    // Also the Northern Mariana Islands' demonym in the package.
    expect(countryForDemonym('American')).toBe('USA');
    expect(countryForDemonym('Saudi')).toBe('SAU');
  });

  it('leaves a demonym two UN members share ambiguous, listing both', () => {
    expect(countryForDemonym('Congolese')).toBeNull();
    const congolese = placeForms().find((f) => f.kind === 'demonym' && f.form === 'Congolese');
    expect(congolese?.codes).toEqual(expect.arrayContaining(['COD', 'COG']));
  });

  it('finds capitals, with the few hand aliases the package lacks', () => {
    expect(countryForCapital('Baghdad')).toBe('IRQ');
    expect(countryForCapital('Mogadishu')).toBe('SOM');
    expect(countryForCapital('Tehran')).toBe('IRN');
    expect(countryForCapital('Teheran')).toBe('IRN');
    expect(countryForCapital('Brussels')).toBe('BEL');
    expect(countryForCapital('Washington')).toBe('USA');
    expect(countryForCapital('Washington D.C.')).toBe('USA');
  });

  it('reads US, U.S. and United States as the USA, but not the pronoun "us"', () => {
    for (const form of ['US', 'U.S.', 'United States', 'United States of America', 'USA']) expect(countryForName(form)).toBe('USA');
    expect(countryForName('us')).toBeNull();
    expect(countryForName('UK')).toBe('GBR');
    expect(countryForPlace('Britain')).toEqual({ code: 'GBR', kind: 'country' });
  });

  it('drops ISO alpha-2 codes that are English words', () => {
    for (const word of ['IN', 'IT', 'IS', 'NO', 'AT', 'BE']) expect(countryForName(word), word).toBeNull();
  });

  it('keeps every hand alias documented and pointing at a real country', () => {
    expect(EXTRA_PLACE_ALIASES.length).toBeLessThan(20);
    for (const alias of EXTRA_PLACE_ALIASES) {
      expect(alias.why.length).toBeGreaterThan(5);
      expect(countryByCode(alias.code), alias.form).toBeDefined();
    }
  });
});

describe('organisations', () => {
  it('finds the curated organisations under their aliases', () => {
    expect(findOrganisation('NATO')?.key).toBe('nato');
    expect(findOrganisation('Nato')?.key).toBe('nato');
    expect(findOrganisation('Daesh')?.key).toBe('isis');
    expect(findOrganisation('ISIL')?.key).toBe('isis');
    expect(findOrganisation('Islamic State')?.key).toBe('isis');
    expect(findOrganisation('al-Shabab')?.key).toBe('al-shabaab');
    expect(findOrganisation('Al Shabaab')?.key).toBe('al-shabaab');
    expect(findOrganisation('al-Qaida')?.key).toBe('al-qaeda');
    expect(findOrganisation('AMISOM')?.parentKey).toBe('au');
    expect(findOrganisation('Interpol')?.type).toBe('intergovernmental');
    expect(findOrganisation('INA')?.type).toBe('news-agency');
  });

  it('compares acronyms by case', () => {
    expect(findOrganisation('un')).toBeNull();
    expect(findOrganisation('UN')?.key).toBe('un');
  });

  it('has unique keys, valid parents and real country codes', () => {
    const keys = ORGANISATIONS.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const o of ORGANISATIONS) {
      if (o.parentKey) expect(organisationByKey(o.parentKey), o.key).toBeDefined();
      if (o.countryCode) expect(countryByCode(o.countryCode), o.key).toBeDefined();
    }
  });
});
