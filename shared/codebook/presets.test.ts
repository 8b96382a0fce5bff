import { describe, expect, it } from 'vitest';
import type { Codebook } from '../model/codebook';
import { codebookToJson, parseCodebookJson } from './codebook-schema';
import { codebookProblems } from './integrity';
import { typeForShortcut } from './lookup';
import {
  CAMEO_ID,
  DEFAULT_PRESET_ID,
  getPreset,
  PLOVER_CONTEXT_KEYS,
  PLOVER_ID,
  PRESETS,
  SECURITY_COOPERATION_ID,
} from './presets';

const byId = (id: string): Codebook => {
  const preset = getPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
};

describe('shipped presets', () => {
  it('are the three presets, default first, each at version 1', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([SECURITY_COOPERATION_ID, PLOVER_ID, CAMEO_ID]);
    expect(PRESETS.map((p) => p.id)).toEqual(['preset:security-cooperation', 'preset:plover', 'preset:cameo']);
    expect(DEFAULT_PRESET_ID).toBe('preset:security-cooperation');
    expect(PRESETS.map((p) => p.preset)).toEqual(['security-cooperation', 'plover', 'cameo']);
    for (const p of PRESETS) expect(p.version).toBe(1);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s survives export -> import unchanged', (_id, preset) => {
    const json = codebookToJson(preset);
    expect(parseCodebookJson(json)).toStrictEqual(preset);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s keeps every integrity rule', (_id, preset) => {
    expect(codebookProblems(preset)).toEqual([]);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))("%s: every type's rule modes exist in its modes list", (_id, preset) => {
    const modes = new Set(preset.modes.map((m) => m.key));
    for (const t of preset.types) for (const m of t.rule.modes) expect(modes, `${t.key} -> ${m}`).toContain(m);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: every value has a definition and no value is retired', (_id, preset) => {
    for (const list of [preset.types, preset.modes, preset.topics, preset.roles, preset.outcomes]) {
      for (const v of list) {
        expect(v.definition.trim().length, v.key).toBeGreaterThan(10);
        expect(v.retired).toBe(false);
      }
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: every role says which PLOVER list it exports to', (_id, preset) => {
    for (const r of preset.roles) expect(['actor', 'recipient']).toContain(r.plover?.role);
    expect(preset.roles.some((r) => r.plover?.role === 'recipient')).toBe(true);
  });

  it('map topics and codes only to PLOVER contexts, except the humanitarian context the CAMEO mapping uses', () => {
    const outside: string[] = [];
    for (const p of PRESETS) {
      for (const v of [...p.types, ...p.modes, ...p.topics, ...p.outcomes]) {
        const context = v.plover?.context;
        if (context && !PLOVER_CONTEXT_KEYS.has(context)) outside.push(`${p.id}:${v.key}:${context}`);
      }
    }
    expect(outside).toEqual(['preset:cameo:0333:humanitarian', 'preset:cameo:073:humanitarian']);
  });

  it('map every mode to a mode PLOVER defines', () => {
    const ploverModes = new Set(byId(PLOVER_ID).modes.map((m) => m.key));
    for (const p of PRESETS) {
      for (const v of [...p.types, ...p.modes]) {
        if (v.plover?.mode) expect(ploverModes, `${p.id}:${v.key}`).toContain(v.plover.mode);
      }
    }
  });

  it('are frozen, and getPreset hands out an independent copy', () => {
    expect(() => {
      (PRESETS[0].types as unknown[]).push({});
    }).toThrow(TypeError);
    const copy = byId(DEFAULT_PRESET_ID);
    copy.types[0].label = 'Changed';
    copy.topics.pop();
    expect(PRESETS[0].types[0].label).toBe('Consult');
    expect(byId(DEFAULT_PRESET_ID).topics.length).toBe(PRESETS[0].topics.length);
    expect(getPreset('preset:nope')).toBeUndefined();
  });
});

describe('Security cooperation (PLOVER-aligned)', () => {
  const cb = byId(SECURITY_COOPERATION_ID);
  const t = (key: string) => cb.types.find((x) => x.key === key)!;

  it('has the five engagement types with their PLOVER events and shortcuts', () => {
    expect(cb.types.map((x) => [x.key, x.plover?.event, x.shortcut])).toEqual([
      ['CONSULT', 'CONSULT', 'c'],
      ['AGREE', 'AGREE', 'a'],
      ['SUPPORT', 'SUPPORT', 's'],
      ['COOPERATE', 'COOPERATE', 'o'],
      ['AID', 'AID', 'i'],
    ]);
    expect(typeForShortcut(cb, 'C')?.key).toBe('CONSULT');
    expect(typeForShortcut(cb, 'i')?.key).toBe('AID');
    expect(typeForShortcut(cb, 'n')).toBeUndefined();
  });

  it('has the rules: CONSULT >= 2 with five modes, AGREE >= 1 with none, material types need a recipient', () => {
    expect(t('CONSULT').rule).toEqual({
      minParticipants: 2,
      needsRecipient: false,
      modes: ['visit', 'phone', 'video', 'third-location', 'multilateral'],
    });
    expect(t('AGREE').rule).toEqual({ minParticipants: 1, needsRecipient: false, modes: [] });
    expect(t('SUPPORT').rule).toEqual({ minParticipants: 2, needsRecipient: false, modes: [] });
    expect(t('COOPERATE').rule).toEqual({ minParticipants: 2, needsRecipient: true, modes: [] });
    expect(t('AID').rule).toEqual({ minParticipants: 2, needsRecipient: true, modes: [] });
  });

  it('folds its finer modes into PLOVER and CAMEO', () => {
    const mode = (key: string) => cb.modes.find((m) => m.key === key)!;
    expect(mode('video').plover).toEqual({ mode: 'phone' });
    expect(mode('third-location').plover).toEqual({ mode: 'third-party' });
    expect(mode('visit').cameo).toEqual(['042', '043']);
  });

  it('has the topics, roles and outcomes the issue asks for', () => {
    const keys = (list: { key: string }[]) => list.map((v) => v.key);
    expect(keys(cb.topics)).toEqual(
      expect.arrayContaining([
        'counter-terrorism', 'intelligence-sharing', 'border-security', 'drug-trafficking', 'cyber-security',
        'training-advisory', 'military', 'diplomatic', 'law-enforcement', 'organised-crime', 'migration', 'economic',
      ]),
    );
    expect(keys(cb.roles)).toEqual(['visitor', 'host', 'participant', 'mediator', 'signatory', 'recipient', 'provider']);
    expect(keys(cb.outcomes)).toEqual([
      'mou-proposed', 'mou-signed', 'agreement-signed', 'invitation-extended', 'offer-of-training',
      'offer-of-assistance', 'joint-statement', 'follow-up-meeting-planned', 'joint-committee-formed',
    ]);
    expect(cb.topics.find((v) => v.key === 'counter-terrorism')?.plover).toEqual({ context: 'terrorism' });
    expect(cb.roles.find((v) => v.key === 'host')?.plover?.role).toBe('recipient');
    expect(cb.roles.find((v) => v.key === 'visitor')?.plover?.role).toBe('actor');
  });
});

describe('PLOVER', () => {
  const cb = byId(PLOVER_ID);

  it('has all 16 categories, with a recipient required for COOPERATE, AID and SANCTION only', () => {
    expect(cb.types.map((x) => x.key)).toEqual([
      'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
      'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
    ]);
    expect(cb.types.filter((x) => x.rule.needsRecipient).map((x) => x.key)).toEqual(['COOPERATE', 'AID', 'SANCTION']);
    expect(new Set(cb.types.map((x) => x.shortcut)).size).toBe(16);
  });

  it("gives each category the reference's modes, sharing a key where two categories use it", () => {
    const modes = (key: string) => cb.types.find((x) => x.key === key)!.rule.modes;
    expect(modes('CONSULT')).toEqual(['visit', 'third-party', 'multilateral', 'phone']);
    expect(modes('SANCTION')).toEqual(['convict', 'expel', 'withdraw', 'discontinue']);
    expect(modes('REQUEST')).toEqual(modes('REJECT'));
    expect(modes('AGREE')).toEqual([]);
    expect(modes('ASSAULT')).toHaveLength(15);
    expect(modes('COERCE')).toHaveLength(10);
    expect(cb.modes.filter((m) => m.key === 'withdraw')).toHaveLength(1);
  });

  it('offers the 37 contexts and the 4 auxiliary markers as topics', () => {
    expect(cb.topics).toHaveLength(41);
    expect(cb.topics.map((t) => t.key)).toEqual(expect.arrayContaining(['terrorism', 'illegal_drugs', 'cyber', 'negation']));
    for (const t of cb.topics) expect(t.plover?.context).toBe(t.key);
  });
});

describe('CAMEO 03-07', () => {
  const cb = byId(CAMEO_ID);
  const code = (key: string) => cb.types.find((x) => x.key === key)!;

  it('has the cooperative codes as types, named by CAMEO and mapped to PLOVER', () => {
    const keys = cb.types.map((x) => x.key);
    expect(keys).toEqual(expect.arrayContaining(['030', '0314', '036', '040', '041', '042', '043', '044', '057', '064', '075']));
    expect(keys.every((k) => /^0[3-7]\d{1,2}$/.test(k))).toBe(true);
    expect(code('042').label).toBe('Make a visit');
    expect(code('042').plover).toEqual({ event: 'CONSULT', mode: 'visit' });
    expect(code('064').plover).toEqual({ event: 'COOPERATE', context: 'intelligence' });
    expect(code('057').plover).toEqual({ event: 'SUPPORT', context: 'diplomatic' });
    for (const t of cb.types) expect(t.cameo).toEqual([t.key]);
  });

  it('maps each root group to one PLOVER event', () => {
    const events = new Map<string, Set<string | undefined>>();
    for (const t of cb.types) {
      const group = t.key.slice(0, 2);
      events.set(group, (events.get(group) ?? new Set()).add(t.plover?.event));
    }
    expect(Object.fromEntries([...events].map(([g, e]) => [g, [...e]]))).toEqual({
      '03': ['AGREE'],
      '04': ['CONSULT'],
      '05': ['SUPPORT'],
      '06': ['COOPERATE'],
      '07': ['AID'],
    });
    expect(['3', '4', '5', '6', '7'].map((k) => typeForShortcut(cb, k)?.key)).toEqual(['030', '040', '050', '060', '070']);
  });
});
