/** Plain text and Markdown articles: the file is the text; metadata is read from its top lines. */
import type { ParsedArticle, ParseHints } from '../../../shared/model/document';
import { finishArticle } from '../article';
import { decodeText, normaliseText } from '../encoding';
import { extractTextMeta } from '../text-meta';

export async function parse(bytes: Uint8Array, hints: ParseHints): Promise<ParsedArticle[]> {
  const decoded = decodeText(bytes, hints.encoding);
  const text = normaliseText(decoded.text);
  const markdown = /\.(md|markdown)$/i.test(hints.fileName);
  const meta = extractTextMeta(text, { titleSource: 'txt-first-line', markdown });
  return [
    finishArticle(text, {
      encoding: decoded.encoding,
      title: meta.title,
      publishedAt: meta.publishedAt,
      outlet: meta.outlet,
      place: meta.place,
      warnings: [...decoded.warnings, ...meta.warnings],
    }),
  ];
}
