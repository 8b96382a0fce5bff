import { describe, expect, it } from 'vitest';
import { CodebookJsonError, codebookSchema, codebookToJson, parseCodebookJson } from './codebook-schema';
import { getPreset } from './presets';

/** The default preset as plain JSON data, to break in one place per test. */
function rawDefault(): Record<string, unknown> & { types: Record<string, unknown>[]; topics: Record<string, unknown>[] } {
  return JSON.parse(codebookToJson(getPreset('preset:security-cooperation')!));
}

function problemsOf(input: unknown): string[] {
  try {
    parseCodebookJson(typeof input === 'string' ? input : JSON.stringify(input));
  } catch (err) {
    expect(err).toBeInstanceOf(CodebookJsonError);
    return (err as CodebookJsonError).problems;
  }
  throw new Error('expected the codebook to be refused');
}

describe('parseCodebookJson', () => {
  it('says when the text is not JSON at all', () => {
    expect(() => parseCodebookJson('{"id": "x",')).toThrow(/Codebook JSON is not valid:\n- not valid JSON \(/);
  });

  it('names a missing field by its path and the entry it belongs to', () => {
    const raw = rawDefault();
    delete raw.types[0].label;
    expect(problemsOf(raw)).toEqual(['types[0] (CONSULT).label: missing (expected text)']);
  });

  it('names a missing top-level field', () => {
    const raw = rawDefault();
    delete raw.roles;
    expect(problemsOf(raw)).toEqual(['roles: missing (expected array)']);
  });

  it('reports a value of the wrong kind with what it got', () => {
    const raw = rawDefault();
    raw.version = '2';
    expect(problemsOf(raw)).toEqual(['version: expected number, got text "2"']);
  });

  it('refuses duplicate keys in a list, naming the list and the key', () => {
    const raw = rawDefault();
    raw.topics.push({ ...raw.topics[0], label: 'Counter-terrorism again' });
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^topics\[19\] \(counter-terrorism\)\.key: duplicate key "counter-terrorism" in topics \(also at topics\[0\]\)$/);
  });

  it("refuses a type's rule that names an unknown mode", () => {
    const raw = rawDefault();
    (raw.types[0].rule as { modes: string[] }).modes.push('hologram');
    expect(problemsOf(raw)).toEqual([
      'types[0] (CONSULT).rule.modes[5]: type "CONSULT" allows unknown mode "hologram" (modes has: visit, phone, video, third-location, multilateral)',
    ]);
  });

  it('refuses unknown fields instead of dropping them', () => {
    const raw = rawDefault();
    raw.types[1].shortcutt = 'x';
    expect(problemsOf(raw)).toEqual(['types[1] (AGREE): unknown field "shortcutt"']);
    const topic = rawDefault();
    topic.topics[2].defintion = 'typo';
    topic.topics[2].plover = { context: 'territory', event: 'CONSULT', eventt: 'x' };
    expect(problemsOf(topic)).toEqual([
      'topics[2] (border-security).plover: unknown field "eventt"',
      'topics[2] (border-security): unknown field "defintion"',
    ]);
  });

  it('refuses a shortcut used twice or reserved, and an unknown preset name', () => {
    const raw = rawDefault();
    raw.types[1].shortcut = 'c';
    raw.types[2].shortcut = 'n';
    raw.preset = 'weis';
    const problems = problemsOf(raw);
    expect(problems).toContain('preset: text "weis" is not one of "security-cooperation", "plover", "cameo"');
    // Refinements run only once the shape is right: fix the preset and the shortcut rules show.
    raw.preset = 'security-cooperation';
    expect(problemsOf(raw)).toEqual([
      'types[1] (AGREE).shortcut: shortcut "c" is used by both "CONSULT" and "AGREE"',
      'types[2] (SUPPORT).shortcut: shortcut "n" of "SUPPORT" is reserved by the coding screen',
    ]);
  });

  it('lists every problem in one error, capped so a broken file stays readable', () => {
    const raw = rawDefault();
    for (const t of [...raw.topics, ...(raw.roles as Record<string, unknown>[])]) delete t.label;
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(21);
    expect(problems[0]).toBe('topics[0] (counter-terrorism).label: missing (expected text)');
    expect(problems.at(-1)).toBe('… and 6 more');
    expect(() => parseCodebookJson(JSON.stringify(raw))).toThrow(/^Codebook JSON has 26 problems:\n- topics\[0\]/);
  });

  it('accepts a hand-written codebook that leaves out examples, retired and description', () => {
    const parsed = parseCodebookJson(
      JSON.stringify({
        id: 'mine',
        name: 'Mine',
        version: 3,
        types: [{ key: 'MEET', label: 'Meet', definition: 'They met.', rule: { minParticipants: 2, needsRecipient: false, modes: ['call'] } }],
        modes: [{ key: 'call', label: 'Call', definition: 'By phone.' }],
        topics: [],
        roles: [],
        outcomes: [],
      }),
    );
    expect(parsed.description).toBe('');
    expect(parsed.types[0]).toEqual({
      key: 'MEET',
      label: 'Meet',
      definition: 'They met.',
      examples: [],
      retired: false,
      rule: { minParticipants: 2, needsRecipient: false, modes: ['call'] },
    });
    expect(parsed.modes[0].retired).toBe(false);
  });

  it('keeps keys and labels exactly as given (no trimming on import)', () => {
    const raw = rawDefault();
    raw.topics[0].label = 'Counter-terrorism ';
    expect(parseCodebookJson(JSON.stringify(raw)).topics[0].label).toBe('Counter-terrorism ');
    raw.topics[0].key = ' counter-terrorism';
    expect(problemsOf(raw)[0]).toMatch(/^topics\[0\] \( counter-terrorism\)\.key: key " counter-terrorism" is not usable/);
  });

  it('is the same schema the contract can use directly', () => {
    expect(codebookSchema.safeParse(rawDefault()).success).toBe(true);
    expect(codebookSchema.safeParse({ ...rawDefault(), version: 0 }).success).toBe(false);
  });
});
