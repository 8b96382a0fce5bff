import { describe, expect, it } from 'vitest';
import type { Codebook } from '../model/codebook';
import { codebookToJson, parseCodebookJson } from './codebook-schema';
import {
  addValue,
  CodebookEditError,
  keyFromLabel,
  renameValue,
  reorderValues,
  retireValue,
  unretireValue,
  updateCodebookInfo,
  updateDefinition,
  updateMapping,
  updateType,
} from './edit';
import { activeValues, typeForShortcut } from './lookup';
import { getPreset } from './presets';

const base = (): Codebook => getPreset('preset:security-cooperation')!;

describe('codebook editing', () => {
  it('adds a value as a new version and leaves the old version untouched', () => {
    const v1 = base();
    const snapshot = structuredClone(v1);
    const v2 = addValue(v1, 'topics', { key: 'arms-control', label: 'Arms control', definition: 'Limits on weapons.' });
    expect(v2.version).toBe(2);
    expect(v2.topics.at(-1)).toEqual({ key: 'arms-control', label: 'Arms control', definition: 'Limits on weapons.', examples: [], retired: false });
    expect(v2.topics).toHaveLength(v1.topics.length + 1);
    expect(v1).toStrictEqual(snapshot);
    expect(v2.id).toBe(v1.id);
  });

  it('counts one version per change across a chain of edits', () => {
    let cb = base();
    cb = addValue(cb, 'outcomes', { key: 'extradition', label: 'Extradition agreed', definition: 'A handover was agreed.' });
    cb = renameValue(cb, 'outcomes', 'extradition', 'Extradition');
    cb = retireValue(cb, 'topics', 'health');
    cb = reorderValues(cb, 'roles', ['host', 'visitor', 'participant', 'mediator', 'signatory', 'recipient', 'provider']);
    cb = updateDefinition(cb, 'modes', 'visit', { examples: ['A delegation travels to Baghdad.'] });
    cb = updateType(cb, 'AGREE', { shortcut: 'g' });
    cb = updateCodebookInfo(cb, { name: 'Security cooperation (ours)' });
    expect(cb.version).toBe(8);
    // And the result is still a codebook the import would accept.
    expect(parseCodebookJson(codebookToJson(cb))).toStrictEqual(cb);
  });

  it('refuses a key already used, pointing at unretire when the value is retired', () => {
    const cb = base();
    expect(() => addValue(cb, 'topics', { key: 'military', label: 'Army', definition: '' })).toThrow(
      /topics already has the key "military" \("Military"\)\.$/,
    );
    const retired = retireValue(cb, 'topics', 'military');
    expect(() => addValue(retired, 'topics', { key: 'military', label: 'Army', definition: '' })).toThrow(/It is retired: unretire it instead\./);
  });

  it('refuses unusable keys, empty labels and labels that only differ in case', () => {
    const cb = base();
    expect(() => addValue(cb, 'topics', { key: 'Border Security', label: 'B', definition: '' })).toThrow(CodebookEditError);
    expect(() => addValue(cb, 'topics', { key: 'x', label: '  ', definition: '' })).toThrow(/needs a label/);
    expect(() => addValue(cb, 'topics', { key: 'mil', label: 'MILITARY', definition: '' })).toThrow(
      /The label "MILITARY" is already used by topic "military" in topics\./,
    );
  });

  it('adds a type only with known modes and a free shortcut', () => {
    const cb = base();
    const rule = { minParticipants: 2, needsRecipient: false, modes: ['visit', 'hologram'] };
    expect(() => addValue(cb, 'types', { key: 'MEET', label: 'Meet', definition: '', rule })).toThrow(
      /Type "MEET" cannot allow unknown mode "hologram"; add it to modes first\./,
    );
    const ok = { minParticipants: 2, needsRecipient: false, modes: ['visit'] };
    expect(() => addValue(cb, 'types', { key: 'MEET', label: 'Meet', definition: '', rule: ok, shortcut: 'c' })).toThrow(
      /Shortcut "c" is already used by "CONSULT"\./,
    );
    expect(() => addValue(cb, 'types', { key: 'MEET', label: 'Meet', definition: '', rule: ok, shortcut: 'n' })).toThrow(/reserved/);
    const added = addValue(cb, 'types', { key: 'MEET', label: 'Meet', definition: '', rule: ok, shortcut: 'm' });
    expect(typeForShortcut(added, 'm')?.key).toBe('MEET');
  });

  it('renames the label and never the key', () => {
    const cb = renameValue(base(), 'topics', 'cyber-security', 'Cybersecurity');
    const value = cb.topics.find((t) => t.key === 'cyber-security');
    expect(value?.label).toBe('Cybersecurity');
    expect(cb.version).toBe(2);
    expect(() => renameValue(cb, 'topics', 'cyber', 'Cyber')).toThrow(/No topic "cyber" in topics \(it has: counter-terrorism, /);
  });

  it('returns the same codebook (no new version) when nothing changes', () => {
    const cb = base();
    expect(renameValue(cb, 'types', 'CONSULT', 'Consult')).toBe(cb);
    expect(unretireValue(cb, 'types', 'CONSULT')).toBe(cb);
    const retired = retireValue(cb, 'types', 'AID');
    expect(retireValue(retired, 'types', 'AID')).toBe(retired);
    expect(reorderValues(cb, 'modes', cb.modes.map((m) => m.key))).toBe(cb);
    expect(updateDefinition(cb, 'modes', 'visit', { definition: cb.modes[0].definition })).toBe(cb);
  });

  it('retires a value by keeping it, marked, out of what pickers offer', () => {
    const cb = retireValue(base(), 'modes', 'video');
    expect(cb.modes.find((m) => m.key === 'video')).toMatchObject({ key: 'video', retired: true, label: 'Video call' });
    expect(cb.modes).toHaveLength(5);
    expect(activeValues(cb, 'modes').map((m) => m.key)).not.toContain('video');
    // The CONSULT rule still names it, so records coded with it stay valid.
    expect(cb.types[0].rule.modes).toContain('video');
    const back = unretireValue(cb, 'modes', 'video');
    expect(back.modes.find((m) => m.key === 'video')?.retired).toBe(false);
    expect(back.version).toBe(3);
  });

  it("frees a retired type's shortcut, and will not bring the type back while another holds it", () => {
    let cb = retireValue(base(), 'types', 'AID');
    expect(typeForShortcut(cb, 'i')).toBeUndefined();
    cb = addValue(cb, 'types', {
      key: 'TRAIN',
      label: 'Train',
      definition: 'Training delivered.',
      rule: { minParticipants: 2, needsRecipient: true, modes: [] },
      shortcut: 'i',
    });
    expect(typeForShortcut(cb, 'i')?.key).toBe('TRAIN');
    expect(() => unretireValue(cb, 'types', 'AID')).toThrow(/"AID" cannot come back with shortcut "i": "TRAIN" uses it now/);
    cb = updateType(cb, 'AID', { shortcut: null });
    expect(unretireValue(cb, 'types', 'AID').types.find((t) => t.key === 'AID')?.retired).toBe(false);
  });

  it('reorders only with a permutation of every key, retired ones included', () => {
    const cb = retireValue(base(), 'roles', 'mediator');
    const keys = cb.roles.map((r) => r.key);
    const reversed = reorderValues(cb, 'roles', [...keys].reverse());
    expect(reversed.roles.map((r) => r.key)).toEqual([...keys].reverse());
    expect(reversed.roles.find((r) => r.key === 'mediator')?.retired).toBe(true);

    expect(() => reorderValues(cb, 'roles', keys.filter((k) => k !== 'mediator'))).toThrow(
      'The new order of roles must list each of its 7 keys exactly once: missing "mediator".',
    );
    expect(() => reorderValues(cb, 'roles', [...keys, 'judge'])).toThrow(/unknown "judge"/);
    expect(() => reorderValues(cb, 'roles', [...keys.slice(1), keys[1]])).toThrow(/missing "visitor"; repeated "host"/);
  });

  it('updates definitions, mappings and rules, checking what they refer to', () => {
    const cb = base();
    const defined = updateDefinition(cb, 'topics', 'military', { definition: 'Armed forces.', examples: ['Joint drills.'] });
    expect(defined.topics.find((t) => t.key === 'military')).toMatchObject({ definition: 'Armed forces.', examples: ['Joint drills.'] });
    expect(() => updateDefinition(cb, 'topics', 'military', { examples: [''] })).toThrow(/An example for "military" is empty/);

    const unmapped = updateMapping(cb, 'topics', 'military', { plover: null, cameo: ['062'] });
    expect(unmapped.topics.find((t) => t.key === 'military')).not.toHaveProperty('plover');
    expect(unmapped.topics.find((t) => t.key === 'military')?.cameo).toEqual(['062']);

    expect(() => updateType(cb, 'AGREE', { rule: { minParticipants: 1, needsRecipient: false, modes: ['fax'] } })).toThrow(/unknown mode "fax"/);
    expect(() => updateType(cb, 'AGREE', { rule: { minParticipants: -1, needsRecipient: false, modes: [] } })).toThrow(/0 or more/);
    const phoneAgree = updateType(cb, 'AGREE', { rule: { minParticipants: 1, needsRecipient: false, modes: ['phone'] } });
    expect(phoneAgree.types.find((t) => t.key === 'AGREE')?.rule.modes).toEqual(['phone']);
    expect(() => updateCodebookInfo(cb, { name: ' ' })).toThrow(/needs a name/);
  });

  it('derives a usable key from a label', () => {
    expect(keyFromLabel('Border security')).toBe('border-security');
    expect(keyFromLabel('  Coopération  judiciaire! ')).toBe('cooperation-judiciaire');
    expect(keyFromLabel('MoU (signed)')).toBe('mou-signed');
  });
});
