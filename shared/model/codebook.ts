/**
 * A codebook: the lists an analyst codes with (types, modes, topics, roles, outcomes), each value
 * with a definition and examples. Codebooks are versioned: every saved change makes a new version,
 * and every engagement records the codebook id and version it was coded under. Values are never
 * deleted, only retired (kept so old records still read), and keys never change (labels may).
 */
export interface CodebookValue {
  /** Stable key stored on engagements, e.g. `CONSULT`, `visit`, `counter-terrorism`. */
  key: string;
  label: string;
  definition: string;
  examples: string[];
  /** Retired values stay for old records but are not offered for new coding. */
  retired: boolean;
  /** Where the value sits in PLOVER and CAMEO, for exports. */
  plover?: CodebookPloverMapping;
  cameo?: string[];
}

export interface CodebookPloverMapping {
  event?: string;
  mode?: string;
  context?: string;
  /**
   * Roles only: which PLOVER actor list a participant in this role goes to. `recipient` marks a
   * receiving role (host, recipient): the one `CodebookTypeRule.needsRecipient` asks for, and the
   * one PLOVER export writes to `recipient[]`. Everything else goes to `actor[]`.
   */
  role?: 'actor' | 'recipient';
}

export interface CodebookTypeRule {
  /** Fewest participants a coded (not draft) engagement of this type needs. */
  minParticipants: number;
  /** PLOVER: the event needs a recipient (a participant whose role is a receiving one). */
  needsRecipient: boolean;
  /** Modes allowed with this type (keys of `modes`); empty = no mode. */
  modes: string[];
}

export interface CodebookType extends CodebookValue {
  rule: CodebookTypeRule;
  /** One-key shortcut in the coding screen (a letter or digit). */
  shortcut?: string;
}

export interface Codebook {
  id: string;
  name: string;
  version: number;
  /** Which shipped preset it started from, if any. */
  preset?: 'security-cooperation' | 'plover' | 'cameo';
  description: string;
  types: CodebookType[];
  modes: CodebookValue[];
  topics: CodebookValue[];
  roles: CodebookValue[];
  outcomes: CodebookValue[];
}

export type CodebookList = 'types' | 'modes' | 'topics' | 'roles' | 'outcomes';
