import { describe, expect, it } from 'vitest';
import type { Actor } from '../model/actor';
import { createActorMatcher, matchActor, matcherFor, nameTokens, normaliseName } from './names';

function actor(id: string, name: string, extra: Partial<Actor> = {}): Actor {
  return { id, kind: 'person', name, aliases: [], countryCode: null, roles: [], notes: '', mergedInto: null, ...extra };
}

const REGISTRY: Actor[] = [
  actor('araji', 'Qasim al-Araji', { countryCode: 'IRQ' }),
  actor('moallim', 'Hussein Moallim', { countryCode: 'SOM' }),
  actor('shammari', 'Abdul Amir Al-Shammari', { countryCode: 'IRQ' }),
  actor('sudani', 'Mohammed Shia Al-Sudani', { countryCode: 'IRQ' }),
  actor('ismail', 'Abdullahi Sheikh Ismail', { countryCode: 'SOM' }),
  actor('hussein-ali', 'Hussein Ali'),
  actor('nato', 'North Atlantic Treaty Organization', { kind: 'organisation', aliases: ['NATO'] }),
];

describe('normaliseName', () => {
  it('unifies the spellings of one name', () => {
    const forms = ['al-Araji', 'Al-Araji', 'Al Araji', 'el-Araji', 'AL-ARAJI', 'al‐Araji', "al-Araji's"];
    for (const form of forms) expect(normaliseName(form), form).toBe('araji');
    expect(normaliseName('Qasim al-Araji')).toBe(normaliseName('Qassim Al Araji'));
    expect(normaliseName('Qasim al-Araji')).toBe(normaliseName('Qāsim al-ʿArājī'));
  });

  it('drops assimilated articles only when hyphenated, since "as" and "an" are English', () => {
    expect(normaliseName('Mohammed as-Sudani')).toBe('muhamad sudani');
    expect(nameTokens('Tom As Well')).toEqual(['tom', 'as', 'wel']);
  });

  it('joins the Abd- prefix but leaves Abdullah(i) alone', () => {
    expect(nameTokens('Abdul Amir').join('')).toBe(nameTokens('Abdulamir').join(''));
    expect(nameTokens('Abd al-Amir').join('')).toBe(nameTokens('Abdul Amir').join(''));
    expect(normaliseName('Abdullahi')).toBe('abdulahi');
  });

  it('keeps a lone "Al" (a given name) and different names apart', () => {
    expect(normaliseName('Al')).toBe('al');
    expect(normaliseName('Hussein Moallim')).not.toBe(normaliseName('Hussein Ali'));
  });
});

describe('matchActor', () => {
  it('finds the full name from every transliteration, as exact', () => {
    for (const q of ['Qasim al-Araji', 'Qassim Al Araji', 'Kassem al-Araji', 'QASIM AL-ARAJI']) {
      const [top] = matchActor(q, REGISTRY);
      expect(top, q).toMatchObject({ score: 1, how: 'exact', alias: 'Qasim al-Araji' });
      expect(top.actor.id).toBe('araji');
    }
    expect(matchActor('Abdulamir al-Shammari', REGISTRY)[0].actor.id).toBe('shammari');
    expect(matchActor('Muhammad Shia al-Sudani', REGISTRY)[0].actor.id).toBe('sudani');
  });

  it('matches surname-only mentions to the person', () => {
    for (const q of ['al-Araji', 'Al-Araji', 'Araji']) {
      const [top, ...rest] = matchActor(q, REGISTRY);
      expect(top, q).toMatchObject({ score: 0.9, how: 'surname' });
      expect(top.actor.id).toBe('araji');
      expect(rest).toEqual([]);
    }
    expect(matchActor('Moallim', REGISTRY)[0].actor.id).toBe('moallim');
    expect(matchActor('al-Sudani', REGISTRY)[0].actor.id).toBe('sudani');
  });

  it('scores a given name alone low, and ties people who share it', () => {
    const matches = matchActor('Hussein', REGISTRY);
    expect(matches.map((m) => m.actor.id).sort()).toEqual(['hussein-ali', 'moallim']);
    for (const m of matches) expect(m).toMatchObject({ score: 0.6, how: 'partial' });
  });

  it('falls back to fuzzy matching, scored below the rules', () => {
    const [top] = matchActor('Hussein Mualim', REGISTRY);
    expect(top.actor.id).toBe('moallim');
    expect(top.how).toBe('fuzzy');
    expect(top.score).toBeLessThan(0.85);
    expect(top.score).toBeGreaterThan(0.5);
    expect(matchActor('Hussein Mualim', REGISTRY, { fuzzy: false })).toEqual([]);
  });

  it('matches organisations by alias', () => {
    expect(matchActor('NATO', REGISTRY)[0]).toMatchObject({ score: 1, alias: 'NATO' });
  });

  it('finds nothing for unrelated names and respects minScore and limit', () => {
    expect(matchActor('Joe Biden', REGISTRY)).toEqual([]);
    expect(matchActor('Hussein', REGISTRY, { minScore: 0.7 })).toEqual([]);
    expect(matchActor('Hussein', REGISTRY, { limit: 1 })).toHaveLength(1);
  });

  it('does not propose an actor merged into another', () => {
    const registry = [actor('old', 'Qasim al-Araji', { mergedInto: 'new' }), actor('new', 'Qasim Al-Araji')];
    expect(matchActor('al-Araji', registry).map((m) => m.actor.id)).toEqual(['new']);
  });

  it('builds one matcher per registry array', () => {
    expect(matcherFor(REGISTRY)).toBe(matcherFor(REGISTRY));
    expect(createActorMatcher(REGISTRY)).not.toBe(matcherFor(REGISTRY));
  });
});
