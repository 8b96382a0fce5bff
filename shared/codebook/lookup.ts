/**
 * Read helpers over a codebook, shared by validation, editing and the coding screen, so "what does
 * this key mean here" has one answer everywhere.
 */
import type { Codebook, CodebookList, CodebookType, CodebookValue } from '../model/codebook';

/** The value type each list holds: types carry a rule and a shortcut. */
export type CodebookListValue<L extends CodebookList> = L extends 'types' ? CodebookType : CodebookValue;

export function listValues<L extends CodebookList>(codebook: Codebook, list: L): CodebookListValue<L>[] {
  return codebook[list] as CodebookListValue<L>[];
}

export function findValue<L extends CodebookList>(
  codebook: Codebook,
  list: L,
  key: string,
): CodebookListValue<L> | undefined {
  return listValues(codebook, list).find((v) => v.key === key);
}

/** What pickers offer for new coding: everything not retired, in codebook order. */
export function activeValues<L extends CodebookList>(codebook: Codebook, list: L): CodebookListValue<L>[] {
  return listValues(codebook, list).filter((v) => !v.retired);
}

/** The active type a key press picks in the coding screen (case-insensitive), if any. */
export function typeForShortcut(codebook: Codebook, key: string): CodebookType | undefined {
  const k = key.toLowerCase();
  return codebook.types.find((t) => !t.retired && t.shortcut === k);
}

/** Keys of the roles PLOVER treats as receiving (host, recipient, target). */
export function receivingRoleKeys(codebook: Codebook): Set<string> {
  return new Set(codebook.roles.filter((r) => r.plover?.role === 'recipient').map((r) => r.key));
}

/** Singular names of the lists, for messages ("unknown topic"). */
export const LIST_NOUN: Record<CodebookList, string> = {
  types: 'type',
  modes: 'mode',
  topics: 'topic',
  roles: 'role',
  outcomes: 'outcome',
};
