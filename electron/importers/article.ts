/**
 * The last step of every importer, so that the invariants of a ParsedArticle hold in one place:
 * the text is normalised (it becomes immutable after this), it is not empty, metadata values
 * are trimmed and non-empty, and a language is always attempted.
 */
import { ImportRefusal, type ParsedArticle, type Sourced } from '../../shared/model/document';
import { normaliseText } from './encoding';
import { detectLanguage } from './language';

type Meta = Omit<ParsedArticle, 'text' | 'encoding' | 'warnings' | 'skippedRecords'>;
type MetaKey = keyof Meta;

const META_KEYS: MetaKey[] = ['title', 'publishedAt', 'outlet', 'place', 'url', 'byline', 'language'];

export interface ArticleDraft extends Partial<Meta> {
  encoding: string;
  warnings?: string[];
}

function clean(value: Sourced<string> | undefined): Sourced<string> | undefined {
  if (!value) return undefined;
  const v = value.value.replace(/\s+/g, ' ').trim();
  return v === '' ? undefined : { ...value, value: v };
}

/**
 * @param emptyRefusal what to throw when there is no text: formats differ on why (a scanned
 * PDF is `no-text`, a blank page is `empty`).
 */
export function finishArticle(rawText: string, draft: ArticleDraft, emptyRefusal?: ImportRefusal): ParsedArticle {
  const text = normaliseText(rawText);
  if (text.trim() === '') {
    throw emptyRefusal ?? new ImportRefusal('empty', 'The file has no article text.');
  }
  const article: ParsedArticle = { text, encoding: draft.encoding, warnings: [...(draft.warnings ?? [])] };
  for (const key of META_KEYS) {
    const value = clean(draft[key]);
    if (value) article[key] = value;
  }
  const language = article.language ?? detectLanguage(text);
  if (language) article.language = language;
  return article;
}

/** First a value from `candidates` that is present: metadata sources in order of trust. */
export function firstOf(...candidates: Array<Sourced<string> | undefined | null>): Sourced<string> | undefined {
  for (const c of candidates) if (c && c.value.trim() !== '') return c;
  return undefined;
}
