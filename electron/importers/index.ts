/**
 * The importers' one entry point: a file's format from its name, and the parser for it. Each
 * parser is pure (bytes and hints in, articles out), so this runs as well in a worker thread,
 * the CLI or a test.
 */
import { type DocumentFormat, ImportRefusal, type ParsedArticle, type ParseHints } from '../../shared/model/document';
import { parse as parseDocx } from './docx/parse';
import { parse as parseEml } from './eml/parse';
import { normaliseText } from './encoding';
import { parse as parseHtml } from './html/parse';
import { parse as parseJson } from './json/parse';
import { parse as parsePdf } from './pdf/parse';
import { parse as parseTxt } from './txt/parse';

export { decodeText, normaliseText } from './encoding';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.eml': 'eml',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Lower-case extensions (with the dot) that `parseFile` accepts. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(BY_EXTENSION));

type Parser = (bytes: Uint8Array, hints: ParseHints) => Promise<ParsedArticle[]>;

const PARSERS: Record<DocumentFormat, Parser> = {
  txt: parseTxt,
  md: parseTxt,
  html: parseHtml,
  pdf: parsePdf,
  docx: parseDocx,
  eml: parseEml,
  json: parseJson,
  jsonl: parseJson,
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function formatOf(fileName: string): DocumentFormat | null {
  return BY_EXTENSION[extensionOf(fileName)] ?? null;
}

/** Formats analysts drop in by habit, with what to do instead. */
const CONVERT_FIRST: Record<string, string> = {
  '.doc': 'Old Word .doc files are not supported: save the file as .docx first.',
  '.rtf': 'RTF is not supported: save the file as .docx or plain text first.',
  '.odt': 'OpenDocument text is not supported: save the file as .docx first.',
  '.mht': 'Saved web archives (.mht) are not supported: rename a copy to .eml, or save the page as HTML.',
  '.mhtml': 'Saved web archives (.mhtml) are not supported: rename a copy to .eml, or save the page as HTML.',
};

/** Parse one file into its articles; throws `ImportRefusal` with an actionable message otherwise. */
export async function parseFile(bytes: Uint8Array, hints: ParseHints): Promise<ParsedArticle[]> {
  const format = formatOf(hints.fileName);
  if (!format) {
    const ext = extensionOf(hints.fileName);
    throw new ImportRefusal(
      'unsupported',
      CONVERT_FIRST[ext] ??
        `${ext ? `"${ext}" files are` : 'Files without an extension are'} not supported. Liaison imports ${SUPPORTED_EXTENSIONS.join(', ')}.`,
    );
  }
  const articles = await PARSERS[format](bytes, hints);
  // Every parser already normalises; this keeps the invariant if a new one forgets.
  for (const article of articles) {
    const text = normaliseText(article.text);
    if (text !== article.text) article.text = text;
  }
  return articles;
}
