/**
 * PDFs with a text layer, through pdfjs-dist's legacy (Node-compatible) build. pdfjs hands back
 * positioned text runs, not lines: lines and paragraphs are rebuilt from baselines and gaps.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { ImportRefusal, type ParsedArticle, type ParseHints, type Sourced } from '../../../shared/model/document';
import { finishArticle, firstOf } from '../article';
import { normaliseDateValue } from '../dates';
import { clipTitle, extractTextMeta } from '../text-meta';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<Pdfjs> | null = null;

/**
 * pdfjs would otherwise `import('./pdf.worker.mjs')` relative to its own file at run time,
 * which breaks once the app is bundled. Handing it the worker module on `globalThis.pdfjsWorker`
 * makes it run the worker code in this thread (the import service already parses in worker
 * threads), with no file or network fetch. Loaded lazily: most imports have no PDF.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

function isTextItem(item: object): item is TextItem {
  return 'str' in item;
}

/** Runs to lines: a new line at an explicit end-of-line or when the baseline moves. */
function toLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEndX = 0;
  let breakNext = true;
  for (const item of items) {
    const x = Number(item.transform[4]);
    const y = Number(item.transform[5]);
    const height = item.height || Math.abs(Number(item.transform[3])) || 10;
    if (item.str === '') {
      if (item.hasEOL) breakNext = true;
      continue;
    }
    if (!current || breakNext || Math.abs(y - current.y) > Math.max(height, current.height) * 0.5) {
      current = { text: item.str, y, height };
      lines.push(current);
    } else {
      // pdfjs drops the space between runs that the PDF positions apart instead of spelling out.
      const gap = x - lastEndX;
      const spaced = /\s$/.test(current.text) || /^\s/.test(item.str);
      current.text += !spaced && gap > height * 0.15 ? ` ${item.str}` : item.str;
      current.height = Math.max(current.height, height);
    }
    lastEndX = x + item.width;
    breakNext = item.hasEOL;
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text !== '');
}

/**
 * Lines to paragraphs: a wrapped line continues its paragraph; a larger gap, a change of
 * font size (a heading) or a jump back up the page (a new column) starts a new one.
 */
function toParagraphs(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let prev: Line | null = null;
  for (const line of lines) {
    const gap = prev ? prev.y - line.y : 0;
    const size = prev ? Math.max(prev.height, line.height) : line.height;
    const sizeChanged = prev !== null && Math.abs(prev.height - line.height) > size * 0.2;
    const newParagraph = prev === null || gap > size * 1.6 || gap < 0 || sizeChanged;
    if (newParagraph) {
      if (current) paragraphs.push(current);
      current = line.text;
    } else {
      current += current.endsWith('-') ? line.text : ` ${line.text}`;
    }
    prev = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function infoString(info: Record<string, unknown>, key: string): string | undefined {
  const v = info[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Info-dict titles are often the authoring tool's leftovers, not the article's headline. */
function plausibleInfoTitle(title: string | undefined): string | undefined {
  if (!title || title.length < 4) return undefined;
  if (/^(untitled|document\d*|microsoft word\b.*|.*\.(docx?|pdf|odt|rtf|txt|indd))$/i.test(title)) return undefined;
  return title;
}

function refusalFor(error: unknown): ImportRefusal {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new ImportRefusal('encrypted-pdf', 'The PDF is password-protected. Open it, save an unprotected copy, and import that.');
  }
  return new ImportRefusal('broken-pdf', `The PDF could not be read (${message}). It may be damaged or incomplete; try re-saving or re-downloading it.`);
}

export async function parse(bytes: Uint8Array, _hints: ParseHints): Promise<ParsedArticle[]> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs may transfer (detach) the buffer it is given: it gets a copy, the caller keeps theirs.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    // Only text is read; no image decoding in WebAssembly is needed.
    useWasm: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      throw refusalFor(error);
    }
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(toParagraphs(toLines(content.items.filter(isTextItem))).join('\n\n'));
        page.cleanup();
      } catch (error) {
        throw refusalFor(error);
      }
    }
    const text = pages.filter((p) => p !== '').join('\n\n');
    const letters = text.replace(/[\s\d\p{P}]/gu, '').length;
    // A scanned page often still carries a page number or a stamp: judge by letters per page.
    if (letters < 10 * doc.numPages) {
      throw new ImportRefusal(
        'no-text',
        `The PDF has ${doc.numPages === 1 ? '1 page' : `${doc.numPages} pages`} but almost no text: it is probably a scanned image without a text layer; OCR it first.`,
      );
    }
    const { info: rawInfo } = await doc.getMetadata().catch(() => ({ info: {} }));
    const info = rawInfo as Record<string, unknown>;
    const infoTitle = plausibleInfoTitle(infoString(info, 'Title'));
    const created = infoString(info, 'CreationDate');
    const createdIso = created ? normaliseDateValue(created) : null;
    const author = infoString(info, 'Author');
    const textMeta = extractTextMeta(text, { titleSource: 'txt-first-line' });
    const pdfInfo = (value: string | null | undefined, detail: string): Sourced<string> | undefined =>
      value ? { value, source: 'pdf-info', detail } : undefined;

    return [
      finishArticle(text, {
        encoding: 'pdf',
        title: firstOf(pdfInfo(infoTitle ? clipTitle(infoTitle) : undefined, 'Title'), textMeta.title),
        // A date printed in the article beats the file's creation date, which may be when it was printed.
        publishedAt: firstOf(textMeta.publishedAt, pdfInfo(createdIso, 'CreationDate')),
        outlet: textMeta.outlet,
        place: textMeta.place,
        byline: pdfInfo(author, 'Author'),
        warnings: infoTitle ? [] : textMeta.warnings,
      }),
    ];
  } finally {
    await task.destroy();
  }
}
