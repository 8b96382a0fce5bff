/**
 * What changed between two versions of a codebook, for the history view: one entry per change,
 * each with a sentence an analyst can read. Values are matched by key (keys never change), so a
 * relabelled value reads as a rename, not as a removal plus an addition.
 *
 * `removed` cannot come from the edit operations (values are retired, not deleted) but can appear
 * between a codebook and an imported file, so it is reported rather than assumed away.
 */
import type { Codebook, CodebookList, CodebookType, CodebookValue } from '../model/codebook';
import { CODEBOOK_LISTS } from './integrity';
import { LIST_NOUN } from './lookup';

interface Where {
  list: CodebookList;
  key: string;
  summary: string;
}

export type CodebookChange =
  | ({ kind: 'added'; label: string } & Where)
  | ({ kind: 'removed'; label: string } & Where)
  | ({ kind: 'renamed'; from: string; to: string } & Where)
  | ({ kind: 'retired' | 'unretired'; label: string } & Where)
  | ({ kind: 'definition' | 'mapping' | 'rule' | 'shortcut'; label: string } & Where)
  | { kind: 'reordered'; list: CodebookList; from: string[]; to: string[]; summary: string }
  | { kind: 'info'; field: 'name' | 'description' | 'preset'; from: string; to: string; summary: string };

/** Structural equality for plain JSON data, blind to property order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function describeRule(t: CodebookType): string {
  const modes = t.rule.modes.length ? `modes ${t.rule.modes.join(', ')}` : 'no mode';
  return `at least ${t.rule.minParticipants}, ${t.rule.needsRecipient ? 'recipient needed' : 'no recipient needed'}, ${modes}`;
}

function valueChanges(list: CodebookList, a: CodebookValue, b: CodebookValue): CodebookChange[] {
  const noun = LIST_NOUN[list];
  const key = b.key;
  const label = b.label;
  const out: CodebookChange[] = [];
  if (a.label !== b.label) {
    out.push({ kind: 'renamed', list, key, from: a.label, to: b.label, summary: `Renamed ${noun} ${key}: "${a.label}" → "${b.label}".` });
  }
  if (a.retired !== b.retired) {
    const kind = b.retired ? 'retired' : 'unretired';
    out.push({ kind, list, key, label, summary: `${b.retired ? 'Retired' : 'Brought back'} ${noun} "${label}" (${key}).` });
  }
  if (a.definition !== b.definition || !same(a.examples, b.examples)) {
    out.push({ kind: 'definition', list, key, label, summary: `Changed the definition or examples of ${noun} "${label}" (${key}).` });
  }
  if (!same(a.plover, b.plover) || !same(a.cameo, b.cameo)) {
    out.push({ kind: 'mapping', list, key, label, summary: `Changed the PLOVER/CAMEO mapping of ${noun} "${label}" (${key}).` });
  }
  if (list === 'types') {
    const ta = a as CodebookType;
    const tb = b as CodebookType;
    if (!same(ta.rule, tb.rule)) {
      out.push({ kind: 'rule', list, key, label, summary: `Changed the rule of type ${key}: ${describeRule(ta)} → ${describeRule(tb)}.` });
    }
    if (ta.shortcut !== tb.shortcut) {
      const shown = (s: string | undefined) => (s ? `"${s}"` : 'none');
      out.push({ kind: 'shortcut', list, key, label, summary: `Changed the shortcut of type ${key}: ${shown(ta.shortcut)} → ${shown(tb.shortcut)}.` });
    }
  }
  return out;
}

/** Changes from `a` (older) to `b` (newer), list by list in codebook order. */
export function diffCodebooks(a: Codebook, b: Codebook): CodebookChange[] {
  const changes: CodebookChange[] = [];
  for (const field of ['name', 'description', 'preset'] as const) {
    const from = a[field] ?? '';
    const to = b[field] ?? '';
    if (from !== to) {
      const summary = field === 'description' ? 'Changed the description.' : `Changed the ${field}: "${from}" → "${to}".`;
      changes.push({ kind: 'info', field, from, to, summary });
    }
  }
  for (const list of CODEBOOK_LISTS) {
    const noun = LIST_NOUN[list];
    const before = new Map<string, CodebookValue>(a[list].map((v) => [v.key, v]));
    const after = new Map<string, CodebookValue>(b[list].map((v) => [v.key, v]));
    for (const v of b[list]) {
      const old = before.get(v.key);
      if (!old) changes.push({ kind: 'added', list, key: v.key, label: v.label, summary: `Added ${noun} "${v.label}" (${v.key}).` });
      else changes.push(...valueChanges(list, old, v));
    }
    for (const v of a[list]) {
      if (!after.has(v.key)) {
        changes.push({ kind: 'removed', list, key: v.key, label: v.label, summary: `Removed ${noun} "${v.label}" (${v.key}); records using it will show it as unknown.` });
      }
    }
    // Order is compared on the values both versions share: an addition at the end is not a reorder.
    const from = a[list].map((v) => v.key).filter((k) => after.has(k));
    const to = b[list].map((v) => v.key).filter((k) => before.has(k));
    if (!same(from, to)) changes.push({ kind: 'reordered', list, from, to, summary: `Reordered ${list}.` });
  }
  return changes;
}
