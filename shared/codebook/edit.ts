/**
 * Editing a codebook. Every operation is pure: it returns a NEW codebook with `version + 1` and
 * leaves its input untouched, so the caller can store each version and engagements keep pointing
 * at the one they were coded under. Values are never deleted (retire instead) and keys never change
 * (rename changes the label), because engagements store keys.
 *
 * A request that changes nothing (renaming to the same label, retiring a retired value) returns
 * the input itself, not a new version: callers compare identity (`next === current`) to know there
 * is nothing to save, and the history is not padded with empty versions.
 *
 * Bad requests throw a `CodebookEditError` that says what and where; the resulting codebook is also
 * run through the same integrity check as an import, so an edit can never produce a codebook that
 * the JSON import would refuse.
 */
import type {
  Codebook,
  CodebookList,
  CodebookPloverMapping,
  CodebookType,
  CodebookTypeRule,
  CodebookValue,
} from '../model/codebook';
import { codebookProblems, KEY_PATTERN, labelIdentity, RESERVED_SHORTCUTS, SHORTCUT_PATTERN } from './integrity';
import { type CodebookListValue, findValue, LIST_NOUN, listValues } from './lookup';

export class CodebookEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookEditError';
  }
}

/** A value to add: never retired on arrival; examples may be left out. */
export type NewCodebookValue<L extends CodebookList> = Omit<CodebookListValue<L>, 'retired' | 'examples'> & {
  examples?: string[];
};

function withList<L extends CodebookList>(codebook: Codebook, list: L, values: CodebookListValue<L>[]): Codebook {
  // The cast is the one place the list name and its value type meet; `CodebookListValue` keeps
  // callers honest about which shape each list holds.
  const next = { ...codebook, version: codebook.version + 1, [list]: values } as Codebook;
  const problems = codebookProblems(next);
  if (problems.length > 0) throw new CodebookEditError(problems.map((p) => p.message).join('; '));
  return next;
}

function requireValue<L extends CodebookList>(codebook: Codebook, list: L, key: string): CodebookListValue<L> {
  const found = findValue(codebook, list, key);
  if (!found) {
    const known = listValues(codebook, list).map((v) => v.key);
    throw new CodebookEditError(
      `No ${LIST_NOUN[list]} "${key}" in ${list}${known.length ? ` (it has: ${known.join(', ')})` : ' (it is empty)'}.`,
    );
  }
  return found;
}

function replaceValue<L extends CodebookList>(
  codebook: Codebook,
  list: L,
  key: string,
  change: (v: CodebookListValue<L>) => CodebookListValue<L>,
): Codebook {
  return withList(
    codebook,
    list,
    listValues(codebook, list).map((v) => (v.key === key ? change(v) : v)),
  );
}

function requireLabel(list: CodebookList, label: string): void {
  if (label.trim() === '') throw new CodebookEditError(`A ${LIST_NOUN[list]} needs a label.`);
}

function requireUniqueLabel(codebook: Codebook, list: CodebookList, label: string, exceptKey?: string): void {
  const id = labelIdentity(label);
  const clash = listValues(codebook, list).find((v) => v.key !== exceptKey && labelIdentity(v.label) === id);
  if (clash) {
    const state = clash.retired ? 'retired ' : '';
    throw new CodebookEditError(`The label "${label}" is already used by ${state}${LIST_NOUN[list]} "${clash.key}" in ${list}.`);
  }
}

function requireModes(codebook: Codebook, typeKey: string, rule: CodebookTypeRule): void {
  const unknown = rule.modes.filter((m) => !codebook.modes.some((v) => v.key === m));
  if (unknown.length > 0) {
    throw new CodebookEditError(
      `Type "${typeKey}" cannot allow unknown mode${unknown.length > 1 ? 's' : ''} ${unknown.map((m) => `"${m}"`).join(', ')}; add ${unknown.length > 1 ? 'them' : 'it'} to modes first.`,
    );
  }
  if (!Number.isInteger(rule.minParticipants) || rule.minParticipants < 0) {
    throw new CodebookEditError(`Type "${typeKey}": the fewest participants must be a whole number, 0 or more.`);
  }
}

function requireShortcut(codebook: Codebook, typeKey: string, shortcut: string): void {
  if (!SHORTCUT_PATTERN.test(shortcut)) {
    throw new CodebookEditError(`Shortcut "${shortcut}" for "${typeKey}" must be one lower-case letter or digit.`);
  }
  if (RESERVED_SHORTCUTS.has(shortcut)) {
    throw new CodebookEditError(`Shortcut "${shortcut}" is reserved by the coding screen; pick another for "${typeKey}".`);
  }
  const owner = codebook.types.find((t) => t.key !== typeKey && !t.retired && t.shortcut === shortcut);
  if (owner) throw new CodebookEditError(`Shortcut "${shortcut}" is already used by "${owner.key}".`);
}

/** Adds a value at the end of its list. The key must be new, even among retired values. */
export function addValue<L extends CodebookList>(codebook: Codebook, list: L, value: NewCodebookValue<L>): Codebook {
  if (!KEY_PATTERN.test(value.key)) {
    throw new CodebookEditError(
      `The key "${value.key}" is not usable: use letters, digits and - _ . only, starting and ending with a letter or digit.`,
    );
  }
  const existing = findValue(codebook, list, value.key);
  if (existing) {
    const hint = existing.retired ? ' It is retired: unretire it instead.' : '';
    throw new CodebookEditError(`${list} already has the key "${value.key}" ("${existing.label}").${hint}`);
  }
  requireLabel(list, value.label);
  requireUniqueLabel(codebook, list, value.label);
  if (list === 'types') {
    const t = value as NewCodebookValue<'types'>;
    requireModes(codebook, t.key, t.rule);
    if (t.shortcut !== undefined) requireShortcut(codebook, t.key, t.shortcut);
  }
  const added = { ...value, examples: value.examples ?? [], retired: false } as CodebookListValue<L>;
  return withList(codebook, list, [...listValues(codebook, list), added]);
}

/** Changes a value's label; its key (what engagements store) stays. */
export function renameValue(codebook: Codebook, list: CodebookList, key: string, label: string): Codebook {
  const current = requireValue(codebook, list, key);
  requireLabel(list, label);
  if (current.label === label) return codebook;
  requireUniqueLabel(codebook, list, label, key);
  return replaceValue(codebook, list, key, (v) => ({ ...v, label }));
}

/**
 * Retires a value: kept so old engagements still read, no longer offered for new coding. A retired
 * mode stays in the type rules that name it, so records using it remain valid (with a warning).
 */
export function retireValue(codebook: Codebook, list: CodebookList, key: string): Codebook {
  const current = requireValue(codebook, list, key);
  if (current.retired) return codebook;
  return replaceValue(codebook, list, key, (v) => ({ ...v, retired: true }));
}

export function unretireValue(codebook: Codebook, list: CodebookList, key: string): Codebook {
  const current = requireValue(codebook, list, key);
  if (!current.retired) return codebook;
  if (list === 'types') {
    const shortcut = (current as CodebookType).shortcut;
    const owner = codebook.types.find((t) => t.key !== key && !t.retired && shortcut !== undefined && t.shortcut === shortcut);
    if (owner) {
      throw new CodebookEditError(
        `"${key}" cannot come back with shortcut "${shortcut}": "${owner.key}" uses it now. Change one of the shortcuts first.`,
      );
    }
  }
  return replaceValue(codebook, list, key, (v) => ({ ...v, retired: false }));
}

/** Puts a list in the given order. `keys` must name every value exactly once, retired ones too. */
export function reorderValues(codebook: Codebook, list: CodebookList, keys: readonly string[]): Codebook {
  const values = listValues(codebook, list);
  const byKey = new Map(values.map((v) => [v.key, v] as const));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const k of keys) (seen.has(k) ? repeated : seen).add(k);
  const unknown = keys.filter((k) => !byKey.has(k));
  const missing = values.map((v) => v.key).filter((k) => !seen.has(k));
  if (unknown.length || missing.length || repeated.size) {
    const parts: string[] = [];
    if (missing.length) parts.push(`missing ${missing.map((k) => `"${k}"`).join(', ')}`);
    if (unknown.length) parts.push(`unknown ${[...new Set(unknown)].map((k) => `"${k}"`).join(', ')}`);
    if (repeated.size) parts.push(`repeated ${[...repeated].map((k) => `"${k}"`).join(', ')}`);
    throw new CodebookEditError(
      `The new order of ${list} must list each of its ${values.length} keys exactly once: ${parts.join('; ')}.`,
    );
  }
  if (keys.every((k, i) => values[i].key === k)) return codebook;
  return withList(
    codebook,
    list,
    keys.map((k) => byKey.get(k)!),
  );
}

export interface DefinitionPatch {
  definition?: string;
  examples?: string[];
}

/** Rewrites a value's definition and/or examples. */
export function updateDefinition(codebook: Codebook, list: CodebookList, key: string, patch: DefinitionPatch): Codebook {
  const current = requireValue(codebook, list, key);
  const definition = patch.definition ?? current.definition;
  const examples = patch.examples ?? current.examples;
  if (examples.some((e) => e.trim() === '')) throw new CodebookEditError(`An example for "${key}" is empty.`);
  if (definition === current.definition && sameStrings(examples, current.examples)) return codebook;
  return replaceValue(codebook, list, key, (v) => ({ ...v, definition, examples: [...examples] }));
}

export interface MappingPatch {
  /** `null` removes the mapping. */
  plover?: CodebookPloverMapping | null;
  cameo?: string[] | null;
}

/** Changes where a value sits in PLOVER and CAMEO (used by exports). */
export function updateMapping(codebook: Codebook, list: CodebookList, key: string, patch: MappingPatch): Codebook {
  requireValue(codebook, list, key);
  return replaceValue(codebook, list, key, (v) => {
    const next: CodebookValue = { ...v };
    if (patch.plover === null) delete next.plover;
    else if (patch.plover !== undefined) next.plover = { ...patch.plover };
    if (patch.cameo === null) delete next.cameo;
    else if (patch.cameo !== undefined) next.cameo = [...patch.cameo];
    return next as typeof v;
  });
}

export interface TypePatch {
  rule?: CodebookTypeRule;
  /** `null` removes the shortcut. */
  shortcut?: string | null;
}

/** Changes a type's rule (fewest participants, recipient, allowed modes) or its shortcut. */
export function updateType(codebook: Codebook, key: string, patch: TypePatch): Codebook {
  requireValue(codebook, 'types', key);
  if (patch.rule) requireModes(codebook, key, patch.rule);
  if (typeof patch.shortcut === 'string') requireShortcut(codebook, key, patch.shortcut);
  return replaceValue(codebook, 'types', key, (t) => {
    const next: CodebookType = { ...t };
    if (patch.rule) next.rule = { ...patch.rule, modes: [...patch.rule.modes] };
    if (patch.shortcut === null) delete next.shortcut;
    else if (patch.shortcut !== undefined) next.shortcut = patch.shortcut;
    return next;
  });
}

/** Renames the codebook or rewrites its description. */
export function updateCodebookInfo(codebook: Codebook, patch: { name?: string; description?: string }): Codebook {
  const name = patch.name ?? codebook.name;
  const description = patch.description ?? codebook.description;
  if (name.trim() === '') throw new CodebookEditError('A codebook needs a name.');
  if (name === codebook.name && description === codebook.description) return codebook;
  return { ...codebook, version: codebook.version + 1, name, description };
}

/**
 * A key for a new value typed by an analyst as a label: `Border security` -> `border-security`.
 * Accents are dropped so keys stay ASCII; the caller still has to check it is not taken.
 */
export function keyFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
