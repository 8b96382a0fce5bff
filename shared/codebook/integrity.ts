/**
 * The rules a well-formed codebook keeps beyond its shape: unique keys and labels per list, keys
 * and shortcuts in a storable form, type rules naming only existing modes, one active type per
 * shortcut. The JSON schema (import) and every edit operation run the same check, so a codebook
 * can only get into a project through one gate.
 */
import type { Codebook, CodebookList, CodebookValue } from '../model/codebook';

export const CODEBOOK_LISTS: readonly CodebookList[] = ['types', 'modes', 'topics', 'roles', 'outcomes'];

/**
 * Keys are stored on engagements and written to exports and file names, so they stay plain: letters,
 * digits and `- _ .`, starting and ending with a letter or digit (`CONSULT`, `0311`, `martial-law`,
 * `political_institutions`).
 */
export const KEY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/;

/** One lower-case letter or digit; the coding screen matches keys case-insensitively. */
export const SHORTCUT_PATTERN = /^[a-z0-9]$/;

/** Keys the coding screen already uses for itself (`n` = new engagement), never a type's shortcut. */
export const RESERVED_SHORTCUTS: ReadonlySet<string> = new Set(['n']);

export interface CodebookProblem {
  /** Where, as a path into the codebook: `['types', 0, 'rule', 'modes', 1]`. */
  path: (string | number)[];
  message: string;
}

/** Labels are compared as people read them: case and surrounding spaces do not make a new label. */
export function labelIdentity(label: string): string {
  return label.trim().toLocaleLowerCase();
}

function listProblems(list: CodebookList, values: readonly CodebookValue[]): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  const keys = new Map<string, number>();
  const labels = new Map<string, number>();
  values.forEach((v, i) => {
    if (!KEY_PATTERN.test(v.key)) {
      problems.push({
        path: [list, i, 'key'],
        message: `key "${v.key}" is not usable: use letters, digits and - _ . only, starting and ending with a letter or digit`,
      });
    }
    const firstKey = keys.get(v.key);
    if (firstKey !== undefined) {
      problems.push({ path: [list, i, 'key'], message: `duplicate key "${v.key}" in ${list} (also at ${list}[${firstKey}])` });
    } else keys.set(v.key, i);

    if (v.label.trim() === '') problems.push({ path: [list, i, 'label'], message: `"${v.key}" has an empty label` });
    const id = labelIdentity(v.label);
    const firstLabel = labels.get(id);
    if (firstLabel !== undefined && id !== '') {
      problems.push({
        path: [list, i, 'label'],
        message: `duplicate label "${v.label}" in ${list} (also used by "${values[firstLabel].key}")`,
      });
    } else labels.set(id, i);
  });
  return problems;
}

export function codebookProblems(codebook: Codebook): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  for (const list of CODEBOOK_LISTS) problems.push(...listProblems(list, codebook[list]));

  const modeKeys = new Set(codebook.modes.map((m) => m.key));
  const shortcutOwner = new Map<string, string>();
  codebook.types.forEach((t, i) => {
    const seen = new Set<string>();
    t.rule.modes.forEach((mode, j) => {
      if (!modeKeys.has(mode)) {
        const known = codebook.modes.length ? codebook.modes.map((m) => m.key).join(', ') : 'none';
        problems.push({
          path: ['types', i, 'rule', 'modes', j],
          message: `type "${t.key}" allows unknown mode "${mode}" (modes has: ${known})`,
        });
      }
      if (seen.has(mode)) {
        problems.push({ path: ['types', i, 'rule', 'modes', j], message: `type "${t.key}" lists mode "${mode}" twice` });
      }
      seen.add(mode);
    });

    if (t.shortcut === undefined) return;
    if (!SHORTCUT_PATTERN.test(t.shortcut)) {
      problems.push({
        path: ['types', i, 'shortcut'],
        message: `shortcut "${t.shortcut}" of "${t.key}" must be one lower-case letter or digit`,
      });
    } else if (RESERVED_SHORTCUTS.has(t.shortcut)) {
      problems.push({
        path: ['types', i, 'shortcut'],
        message: `shortcut "${t.shortcut}" of "${t.key}" is reserved by the coding screen`,
      });
    }
    // Retired types are not offered, so their shortcut is free for an active type to take.
    if (t.retired) return;
    const owner = shortcutOwner.get(t.shortcut);
    if (owner !== undefined) {
      problems.push({
        path: ['types', i, 'shortcut'],
        message: `shortcut "${t.shortcut}" is used by both "${owner}" and "${t.key}"`,
      });
    } else shortcutOwner.set(t.shortcut, t.key);
  });
  return problems;
}

/** `['types', 0, 'rule', 'modes', 1]` -> `types[0].rule.modes[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(codebook)';
}
