/**
 * Small constructors for preset data. Presets are long lists of values; these keep each entry to
 * one call and guarantee the invariants every shipped value has (not retired, examples present,
 * no `undefined` properties, so an export -> import round trip is exactly equal).
 */
import type {
  CodebookPloverMapping,
  CodebookType,
  CodebookTypeRule,
  CodebookValue,
} from '../../model/codebook';

export interface ValueExtras {
  examples?: string[];
  plover?: CodebookPloverMapping;
  cameo?: string[];
}

export interface TypeExtras extends ValueExtras {
  shortcut?: string;
}

export function value(key: string, label: string, definition: string, extras: ValueExtras = {}): CodebookValue {
  const out: CodebookValue = { key, label, definition, examples: extras.examples ?? [], retired: false };
  if (extras.plover) out.plover = extras.plover;
  if (extras.cameo) out.cameo = extras.cameo;
  return out;
}

export function typeValue(
  key: string,
  label: string,
  definition: string,
  rule: CodebookTypeRule,
  extras: TypeExtras = {},
): CodebookType {
  const out: CodebookType = { ...value(key, label, definition, extras), rule };
  if (extras.shortcut) out.shortcut = extras.shortcut;
  return out;
}

/** A rule with no modes: most verbal and material categories are coded without one. */
export function rule(minParticipants: number, needsRecipient: boolean, modes: string[] = []): CodebookTypeRule {
  return { minParticipants, needsRecipient, modes };
}
