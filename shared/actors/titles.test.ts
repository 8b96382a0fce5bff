import { describe, expect, it } from 'vitest';
import { findGazetteerHits } from './gazetteer';
import { tokenize } from './text-tokens';
import { findTitledPersons, type TitledPerson } from './titles';

function titled(text: string): Omit<TitledPerson, 'organisation'>[] {
  const tokens = tokenize(text);
  return findTitledPersons(text, tokens, findGazetteerHits(text, tokens)).map(({ organisation: _o, ...rest }) => {
    expect(text.slice(rest.start, rest.end)).toContain(rest.name);
    return rest;
  });
}

describe('findTitledPersons', () => {
  it('splits title from name by the word lists, not by capitals', () => {
    expect(titled('with Secretary of State Antony Blinken and others')).toEqual([
      { start: 5, end: 38, title: 'Secretary of State', name: 'Antony Blinken', countryCodes: [] },
    ]);
    expect(titled('UN Secretary-General António Guterres said')[0]).toMatchObject({
      title: 'Secretary-General',
      name: 'António Guterres',
    });
    expect(titled('Vice President Kamala Harris')[0]).toMatchObject({ title: 'Vice President', name: 'Kamala Harris' });
  });

  it('takes the side from a possessive, a demonym or an acronym before the title', () => {
    expect(titled('Kenya’s Foreign Minister Musalia Mudavadi')[0]).toMatchObject({ title: 'Foreign Minister', countryCodes: ['KEN'] });
    expect(titled("Somalia's Defence Minister Abdulkadir Mohamed Nur")[0].countryCodes).toEqual(['SOM']);
    expect(titled('the Turkish Interior Minister Ali Yerlikaya')[0].countryCodes).toEqual(['TUR']);
    expect(titled('U.S. Ambassador Richard Riley')[0]).toMatchObject({ title: 'Ambassador', countryCodes: ['USA'] });
  });

  it('reads "NAME, the TITLE of COUNTRY" appositions', () => {
    expect(titled('talks with Ahmed Ali, the Foreign Minister of Egypt, ended')[0]).toMatchObject({
      name: 'Ahmed Ali',
      title: 'Foreign Minister of Egypt',
      countryCodes: ['EGY'],
    });
  });

  it('does not run a name across a line break, a sentence or a lower-case word', () => {
    expect(titled('US Homeland Security Secretary\n\nAlejandro Mayorkas')).toEqual([]);
    expect(titled('the Iraqi president also said')).toEqual([]);
    expect(titled('Secretary Austin on Monday')[0]).toMatchObject({ name: 'Austin', title: 'Secretary' });
    expect(titled('President Barham Salih. The talks')[0].name).toBe('Barham Salih');
  });

  it('needs a capital for military ranks', () => {
    expect(titled('in general Ali agreed')).toEqual([]);
    expect(titled('Major General Qais al-Muhammadawi')[0]).toMatchObject({ title: 'Major General', name: 'Qais al-Muhammadawi' });
  });

  it('gives "counterpart" the title of the official just named, in the same paragraph only', () => {
    const text = 'Iraqi Defence Minister Thabit al-Abbasi met his Somali counterpart, Abdulkadir Nur.';
    expect(titled(text)[1]).toMatchObject({ name: 'Abdulkadir Nur', title: 'Defence Minister', countryCodes: ['SOM'] });
    const apart = 'Iraqi Defence Minister Thabit al-Abbasi spoke.\nHis Somali counterpart, Abdulkadir Nur, left.';
    expect(titled(apart)[1].title).toBeUndefined();
  });
});
