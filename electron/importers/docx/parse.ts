/**
 * Word documents through mammoth's raw-text extraction: one paragraph per Word paragraph,
 * separated by a blank line, no styling. Metadata is read from the top lines like a text file.
 */
import { ImportRefusal, type ParsedArticle, type ParseHints } from '../../../shared/model/document';
import { finishArticle } from '../article';
import { normaliseText } from '../encoding';
import { loadMammoth } from '../lazy';
import { extractTextMeta } from '../text-meta';

/** A .docx is a zip: without the local-file signature it is not one at all (an old .doc, a renamed file). */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function parse(bytes: Uint8Array, _hints: ParseHints): Promise<ParsedArticle[]> {
  if (!isZip(bytes)) {
    const legacy = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw new ImportRefusal(
      'broken-docx',
      legacy
        ? 'This is an old Word .doc file renamed to .docx. Open it in Word or LibreOffice and save it as .docx.'
        : 'The file is not a valid .docx (it is not a zip archive). It may be damaged or misnamed.',
    );
  }
  let raw: string;
  let messages: string[];
  try {
    const mammoth = await loadMammoth();
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = result.value;
    messages = result.messages.map((m) => m.message);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportRefusal('broken-docx', `The .docx could not be read (${message}). It may be damaged; try re-saving it in Word or LibreOffice.`);
  }
  const text = normaliseText(raw);
  const meta = extractTextMeta(text, { titleSource: 'docx-first-line' });
  return [
    finishArticle(
      text,
      {
        // Word stores its XML as UTF-8; mammoth decodes it, so there is no choice to report.
        encoding: 'utf-8',
        title: meta.title,
        publishedAt: meta.publishedAt,
        outlet: meta.outlet,
        place: meta.place,
        warnings: [...meta.warnings, ...messages.map((m) => `Word conversion: ${m}`)],
      },
      new ImportRefusal('empty', 'The Word document has no text (it may hold only images).'),
    ),
  ];
}
