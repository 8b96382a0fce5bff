/**
 * The per-document cleaning pass the import service runs: boilerplate first, then repeats (which
 * must not pair up two copies of the same chrome), then glue points. Batch repeats need the whole
 * batch, so the caller passes them in as `extra`.
 */
import type { TextRange } from '../../../../shared/model/document';
import { findBoilerplate } from './boilerplate';
import { findGlue } from './glue';
import { findRepeats } from './repeats';

/** All ranges for one document's text, sorted by start (then end). */
export function cleanText(text: string, extra: readonly TextRange[] = []): TextRange[] {
  const boilerplate = [...findBoilerplate(text), ...extra];
  const repeats = findRepeats(text, boilerplate);
  return [...boilerplate, ...repeats, ...findGlue(text)].sort((a, b) => a.start - b.start || a.end - b.end);
}
