/**
 * A codebook as JSON, for import and export. The schema is strict (an unknown field is an error,
 * not silently dropped) because a codebook written by hand or by a newer Liaison would otherwise
 * lose data on import without anyone noticing. `examples`, `retired` and `description` may be left
 * out of hand-written files; everything else must be there.
 *
 * Errors name the place and the value: `types[0] (CONSULT).rule.modes[1]: type "CONSULT" allows
 * unknown mode "video" (modes has: visit, phone)`.
 */
import { z } from 'zod';
import type { Codebook } from '../model/codebook';
import { codebookProblems, formatPath } from './integrity';

const text = z.string();
// A refinement, not .trim(): import must not quietly rewrite keys and labels it was given.
const nonEmpty = z.string().refine((s) => s.trim() !== '', 'must not be empty');

const ploverMappingSchema = z.strictObject({
  event: nonEmpty.optional(),
  mode: nonEmpty.optional(),
  context: nonEmpty.optional(),
  role: z.enum(['actor', 'recipient']).optional(),
});

const valueShape = {
  key: nonEmpty,
  label: nonEmpty,
  definition: text,
  examples: z.array(text).default([]),
  retired: z.boolean().default(false),
  plover: ploverMappingSchema.optional(),
  cameo: z.array(nonEmpty).optional(),
};

export const codebookValueSchema = z.strictObject(valueShape);

export const codebookTypeRuleSchema = z.strictObject({
  minParticipants: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
  needsRecipient: z.boolean(),
  modes: z.array(nonEmpty),
});

export const codebookTypeSchema = z.strictObject({
  ...valueShape,
  rule: codebookTypeRuleSchema,
  shortcut: z.string().optional(),
});

/** Shape plus the integrity rules (duplicate keys, unknown modes, shortcuts). */
export const codebookSchema = z
  .strictObject({
    id: nonEmpty,
    name: nonEmpty,
    version: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
    preset: z.enum(['security-cooperation', 'plover', 'cameo']).optional(),
    description: text.default(''),
    types: z.array(codebookTypeSchema),
    modes: z.array(codebookValueSchema),
    topics: z.array(codebookValueSchema),
    roles: z.array(codebookValueSchema),
    outcomes: z.array(codebookValueSchema),
  })
  .superRefine((codebook, ctx) => {
    for (const p of codebookProblems(codebook)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });

/** Thrown by `parseCodebookJson`; `problems` holds one line per problem for a list in the UI. */
export class CodebookJsonError extends Error {
  readonly problems: string[];
  /** `total` counts every problem found, when `problems` shows only the first ones. */
  constructor(problems: string[], total = problems.length) {
    const head = total === 1 ? 'Codebook JSON is not valid' : `Codebook JSON has ${total} problems`;
    super(`${head}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'CodebookJsonError';
    this.problems = problems;
  }
}

/** Most files have one mistake repeated; past this many lines the rest is noise. */
const MAX_PROBLEMS = 20;

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * The path with each list item's key beside it when the raw input has one, so "types[3]" reads
 * "types[3] (AID)": the analyst finds the entry by name, not by counting.
 */
function readablePath(raw: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  path.forEach((part, i) => {
    if (typeof part === 'number') {
      out += `[${part}]`;
      const item = at(raw, path.slice(0, i + 1));
      const key = item && typeof item === 'object' ? (item as Record<string, unknown>).key : undefined;
      if (i === 1 && typeof key === 'string' && key) out += ` (${key})`;
    } else out += out ? `.${String(part)}` : String(part);
  });
  return out || formatPath(path);
}

function issueMessage(raw: unknown, issue: z.core.$ZodIssue): string {
  const where = readablePath(raw, issue.path);
  const value = at(raw, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${where}: missing (expected ${issue.expected === 'string' ? 'text' : issue.expected})`;
      return `${where}: expected ${issue.expected === 'string' ? 'text' : issue.expected}, got ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${where}: ${describeValue(value)} is not one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** A parsed, checked codebook, or a `CodebookJsonError` saying what is wrong and where. */
export function parseCodebookJson(json: string): Codebook {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new CodebookJsonError([`not valid JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
  const result = codebookSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => issueMessage(raw, issue));
  const shown = lines.slice(0, MAX_PROBLEMS);
  if (lines.length > shown.length) shown.push(`… and ${lines.length - shown.length} more`);
  throw new CodebookJsonError(shown, lines.length);
}

/** Pretty-printed so an exported codebook reads and diffs well in a text editor or git. */
export function codebookToJson(codebook: Codebook): string {
  return `${JSON.stringify(codebook, null, 2)}\n`;
}
