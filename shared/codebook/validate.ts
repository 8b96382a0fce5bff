/**
 * Checking an engagement against the codebook it is coded under. Pure: no text, no database, so
 * the coding screen can run it on every keystroke and main runs the same function before saving.
 * (Whether evidence quotes still match the article's text needs the text: that is the coding
 * service's job; here we only check what the record itself can show.)
 *
 * Every issue names the field in `field` and starts its message with the field's name and the
 * reason, so it can be shown alone: "Participants: CONSULT needs at least two parties; add the host
 * or the visitor." Retired codebook values are warnings (old records keep them); unknown ones are
 * errors. Drafts get the same issues: `canSaveAs` decides what blocks.
 *
 * `field` is one of: `codebook`, `type`, `mode`, `date`, `countryCode`, `participants`,
 * `participant:<participant id>` (as in `EvidenceField`), `topics`, `outcomes`, `sources`,
 * `evidence:<span id>`.
 */
import type { Codebook, CodebookList, CodebookType } from '../model/codebook';
import type { Engagement, EngagementDate, EngagementStatus, EvidenceSpan, Participant } from '../model/engagement';
import { findValue, LIST_NOUN, receivingRoleKeys } from './lookup';

export type IssueSeverity = 'error' | 'warning';

export interface ValidationIssue {
  field: string;
  message: string;
  severity: IssueSeverity;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${NUMBER_WORDS[n] ?? n} ${n === 1 ? noun : plural}`;
}

/** `CONSULT` as is; `042 (Make a visit)` when the key alone says little. */
function typeName(t: CodebookType): string {
  return t.label.toUpperCase() === t.key.toUpperCase() ? t.key : `${t.key} (${t.label})`;
}

function quoteOf(span: EvidenceSpan): string {
  return span.quote.length > 30 ? `“${span.quote.slice(0, 30)}…”` : `“${span.quote}”`;
}

/** Which field and participant an evidence span backs, in words. */
function backedField(span: EvidenceSpan, participants: readonly Participant[]): string {
  if (!span.field.startsWith('participant:')) return span.field;
  const id = span.field.slice('participant:'.length);
  const i = participants.findIndex((p) => p.id === id);
  return i >= 0 ? `participant ${i + 1}` : `participant ${id}`;
}

type Push = (field: string, severity: IssueSeverity, message: string) => void;

/**
 * A key from one codebook list: unknown is an error, retired a warning. Returns whether the key
 * exists, so callers skip checks that depend on it.
 */
function checkKey(push: Push, codebook: Codebook, list: CodebookList, field: string, label: string, key: string): boolean {
  const value = findValue(codebook, list, key);
  const noun = LIST_NOUN[list];
  if (!value) {
    push(field, 'error', `${label}: "${key}" is not a ${noun} in the codebook "${codebook.name}" (version ${codebook.version}); pick one from the list.`);
    return false;
  }
  if (value.retired) {
    push(field, 'warning', `${label}: the ${noun} "${value.label}" (${key}) is retired; it stays valid for old records, but pick a current ${noun} for new coding.`);
  }
  return true;
}

function checkKeyList(push: Push, codebook: Codebook, list: 'topics' | 'outcomes', label: string, keys: readonly string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) {
      push(list, 'warning', `${label}: "${key}" is listed twice; once is enough.`);
      continue;
    }
    seen.add(key);
    checkKey(push, codebook, list, list, label, key);
  }
}

const DATE_FORMATS: Record<Exclude<EngagementDate['precision'], 'unknown'>, { pattern: RegExp; shape: string }> = {
  day: { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, shape: 'YYYY-MM-DD' },
  month: { pattern: /^(\d{4})-(\d{2})$/, shape: 'YYYY-MM' },
  year: { pattern: /^(\d{4})$/, shape: 'YYYY' },
};

function checkDate(push: Push, date: EngagementDate): void {
  if (date.precision === 'unknown') {
    if (date.value !== null) {
      push('date', 'error', `Date: the precision is "unknown" but a date (${date.value}) is given; set the precision to day, month or year, or clear the date.`);
    }
    return;
  }
  const { pattern, shape } = DATE_FORMATS[date.precision];
  if (date.value === null || date.value === '') {
    push('date', 'error', `Date: the precision is "${date.precision}" but no date is given; enter ${shape} or set the precision to unknown.`);
    return;
  }
  const m = pattern.exec(date.value);
  if (!m) {
    push('date', 'error', `Date: "${date.value}" does not match the precision "${date.precision}"; write it as ${shape}.`);
    return;
  }
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  // Date.UTC rolls 2023-02-30 over to March, so a round trip exposes days that do not exist.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    push('date', 'error', `Date: ${date.value} is not a real calendar date.`);
    return;
  }
  if (date.inferred && !date.basis?.trim()) {
    push('date', 'warning', 'Date: the date is inferred but does not say what it was resolved from; a reviewer cannot check it.');
  }
}

/** What to add when a type has too few parties, in the terms of this codebook's roles. */
function missingPartyHint(codebook: Codebook, type: CodebookType, participants: readonly Participant[], missing: number): string {
  const roles = new Set(participants.map((p) => p.role));
  const meeting = type.rule.modes.includes('visit') && findValue(codebook, 'roles', 'visitor') && findValue(codebook, 'roles', 'host');
  if (meeting && missing === 1) {
    if (roles.has('visitor') && !roles.has('host')) return 'add the host.';
    if (roles.has('host') && !roles.has('visitor')) return 'add the visitor.';
    return 'add the host or the visitor.';
  }
  if (type.rule.needsRecipient && missing === 1 && ![...roles].some((r) => receivingRoleKeys(codebook).has(r))) {
    return 'add the recipient.';
  }
  return missing === 1 ? 'add the other party.' : `add ${count(missing, 'more party', 'more parties')}.`;
}

function checkParticipants(push: Push, codebook: Codebook, type: CodebookType | undefined, participants: readonly Participant[]): void {
  const firstSeen = new Map<string, number>();
  participants.forEach((p, i) => {
    const field = `participant:${p.id}`;
    const name = `Participant ${i + 1}`;
    if (!p.actorId.trim()) {
      push(field, 'error', `${name}: no actor is linked; pick or create the actor.`);
    } else {
      const first = firstSeen.get(p.actorId);
      if (first !== undefined) {
        push(field, 'warning', `${name}: the same actor is already participant ${first + 1}; list each party once.`);
      } else firstSeen.set(p.actorId, i);
    }
    if (!p.role.trim()) {
      const offered = codebook.roles.filter((r) => !r.retired).map((r) => r.key);
      push(field, 'error', `${name}: no role; choose one (${offered.join(', ')}).`);
    } else checkKey(push, codebook, 'roles', field, name, p.role);
  });
  if (!type) return;

  const parties = firstSeen.size;
  const min = type.rule.minParticipants;
  if (parties < min) {
    push(
      'participants',
      'error',
      `Participants: ${typeName(type)} needs at least ${count(min, 'party', 'parties')}; ${missingPartyHint(codebook, type, participants, min - parties)}`,
    );
  }
  const receiving = receivingRoleKeys(codebook);
  const hasRecipient = participants.some((p) => receiving.has(p.role));
  if (type.rule.needsRecipient && !hasRecipient) {
    if (receiving.size === 0) {
      push('participants', 'warning', `Participants: ${typeName(type)} needs a recipient, but no role in this codebook is marked as receiving; mark one (PLOVER role "recipient") in the codebook.`);
    } else {
      const labels = codebook.roles.filter((r) => receiving.has(r.key) && !r.retired).map((r) => r.label.toLowerCase());
      push('participants', 'error', `Participants: ${typeName(type)} needs a recipient; give the receiving party the role ${labels.join(' or ')}.`);
    }
  }
}

function checkEvidence(push: Push, engagement: Engagement): void {
  const sourceIds = new Set(engagement.sources.map((s) => s.documentId));
  const participantIds = new Set(engagement.participants.map((p) => p.id));
  for (const span of engagement.evidence) {
    const field = `evidence:${span.id}`;
    const what = `the span for ${backedField(span, engagement.participants)}`;
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0) {
      push(field, 'error', `Evidence: ${what} has offsets ${span.start}–${span.end}; offsets are whole numbers from 0. Select the text again.`);
      continue;
    }
    if (span.end <= span.start) {
      push(field, 'error', `Evidence: ${what} ends at ${span.end}, not after its start at ${span.start}; select the text again.`);
      continue;
    }
    // The quote is the text at [start, end): a length mismatch means the record is corrupt even
    // before anyone compares it with the article.
    if (span.quote.length !== span.end - span.start) {
      push(field, 'error', `Evidence: ${what} quotes ${quoteOf(span)} (${span.quote.length} characters) but covers ${span.end - span.start}; select the text again.`);
    }
    if (!sourceIds.has(span.documentId)) {
      push(field, 'error', `Evidence: ${what} (${quoteOf(span)}) comes from an article that is not a source of this engagement; add the article as a source or remove the span.`);
    }
    if (span.field.startsWith('participant:') && !participantIds.has(span.field.slice('participant:'.length))) {
      push(field, 'error', `Evidence: ${quoteOf(span)} backs a participant who is no longer listed; remove the span or add the participant again.`);
    }
  }
}

export function validateEngagement(engagement: Engagement, codebook: Codebook): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const push: Push = (field, severity, message) => issues.push({ field, message, severity });

  if (engagement.codebookId !== codebook.id) {
    push('codebook', 'error', `Codebook: the engagement was coded under codebook ${engagement.codebookId} but is being checked against "${codebook.name}" (${codebook.id}).`);
  } else if (engagement.codebookVersion > codebook.version) {
    push('codebook', 'warning', `Codebook: the engagement was coded under version ${engagement.codebookVersion} but is checked against older version ${codebook.version}; values added since may show as unknown.`);
  }

  // Type first: the mode and participant rules depend on it.
  let type: CodebookType | undefined;
  if (!engagement.type.trim()) {
    const keys = codebook.types.filter((t) => !t.retired).map((t) => (t.shortcut ? `${t.key} [${t.shortcut}]` : t.key));
    push('type', 'error', `Type: choose the engagement type (${keys.join(', ')}).`);
  } else if (checkKey(push, codebook, 'types', 'type', 'Type', engagement.type)) {
    type = findValue(codebook, 'types', engagement.type);
  }

  if (engagement.mode !== null && engagement.mode !== '') {
    const known = checkKey(push, codebook, 'modes', 'mode', 'Mode', engagement.mode);
    if (known && type && !type.rule.modes.includes(engagement.mode)) {
      const allowed = type.rule.modes.length
        ? `${typeName(type)} allows ${type.rule.modes.join(', ')}`
        : `${typeName(type)} takes no mode`;
      push('mode', 'error', `Mode: "${engagement.mode}" does not go with ${typeName(type)}; ${allowed}.`);
    }
  }

  checkDate(push, engagement.date);

  if (engagement.countryCode !== null && !/^[A-Z]{3}$/.test(engagement.countryCode)) {
    push('countryCode', 'error', `Country: "${engagement.countryCode}" is not an ISO 3166 alpha-3 code (three capital letters, e.g. IRQ).`);
  }

  checkParticipants(push, codebook, type, engagement.participants);
  checkKeyList(push, codebook, 'topics', 'Topics', engagement.topics);
  checkKeyList(push, codebook, 'outcomes', 'Outcomes', engagement.outcomes);

  if (engagement.sources.length === 0) {
    push('sources', 'error', 'Sources: the engagement is not linked to any article; link the article it was coded from.');
  } else {
    const primaries = engagement.sources.filter((s) => s.primary).length;
    if (primaries !== 1) {
      const marked = primaries === 0 ? 'none is marked' : `${primaries} are marked`;
      push('sources', 'error', `Sources: exactly one article must be the primary source (the one first coded from); ${marked}.`);
    }
  }

  checkEvidence(push, engagement);
  return issues;
}

/**
 * Whether a record with these issues may be saved with this status. A draft always may (an
 * analyst must be able to stop half-way); every other status is a claim that the coding is
 * complete, so it needs no errors. Warnings never block.
 */
export function canSaveAs(status: EngagementStatus, issues: readonly ValidationIssue[]): boolean {
  return status === 'draft' || !issues.some((i) => i.severity === 'error');
}
