/**
 * Bytes to text. Every importer that reads characters goes through here so that one set of
 * rules decides the encoding, and so that a wrongly decoded file is refused instead of being
 * stored with mojibake that every later span would quote.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportRefusal } from '../../shared/model/document';

export interface DecodedText {
  /** Decoded text, BOM removed, not yet normalised (see `normaliseText`). */
  text: string;
  /** Canonical lower-case name, e.g. `utf-8`, `utf-16le`, `windows-1256`. */
  encoding: string;
  warnings: string[];
}

/** How many leading bytes the binary and UTF-16 sniffers look at. */
const SNIFF_BYTES = 8192;

/** Bytes (or chars) that a text file may hold below U+0020: tab, LF, VT, FF, CR. */
const ALLOWED_C0 = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

interface BomMatch {
  encoding: string;
  length: number;
}

function sniffBom(bytes: Uint8Array): BomMatch | null {
  const [b0, b1, b2, b3] = bytes;
  // UTF-32LE's BOM starts with UTF-16LE's, so it must be tested first.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', length: 4 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: ASCII-range characters put a NUL in the high byte, so NULs cluster on
 * one parity. Arabic or Cyrillic text has fewer NULs (only spaces and digits) but the skew is
 * still total, which is what we test rather than a raw count.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.1 && evenNul <= oddNul * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.1 && oddNul <= evenNul * 0.05) return 'utf-16be';
  return null;
}

/** Share of the sniffed bytes that no text file holds (NUL and most C0 controls). */
function junkBytes(bytes: Uint8Array): { junk: number; ratio: number; nul: number } {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let junk = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    if (b < 0x20 && !ALLOWED_C0.has(b)) junk++;
  }
  return { junk, ratio: n === 0 ? 0 : junk / n, nul };
}

/** Where the first bad character sits, as `line L, column C`, for a refusal the analyst can check. */
function describePosition(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

interface Junk {
  count: number;
  firstIndex: number;
  kind: 'replacement' | 'control';
}

/** U+FFFD, C0 controls other than whitespace, DEL and C1 controls: none belong in an article. */
function findJunk(text: string): Junk | null {
  let count = 0;
  let firstIndex = -1;
  let kind: Junk['kind'] = 'control';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bad =
      c === 0xfffd || (c < 0x20 && !ALLOWED_C0.has(c)) || c === 0x7f || (c >= 0x80 && c <= 0x9f);
    if (!bad) continue;
    if (count === 0) {
      firstIndex = i;
      kind = c === 0xfffd ? 'replacement' : 'control';
    }
    count++;
  }
  return count === 0 ? null : { count, firstIndex, kind };
}

function junkMessage(text: string, junk: Junk, encoding: string): string {
  const what = junk.kind === 'replacement' ? 'bytes that are not valid' : 'control characters that do not belong in text when read as';
  return (
    `Decoding as ${encoding} leaves ${junk.count} ${what} ${encoding} (first at ${describePosition(text, junk.firstIndex)}). ` +
    'Re-import with the right encoding chosen, or re-save the file as UTF-8.'
  );
}

/** Canonical names so that `UTF8`, `latin1` and `cp1256` all read the same in the library. */
function canonicalName(encoding: string): string {
  const e = encoding.toLowerCase().replace(/_/g, '-');
  if (e === 'utf8') return 'utf-8';
  if (e === 'ucs2' || e === 'ucs-2' || e === 'utf16le') return 'utf-16le';
  if (e === 'utf16be') return 'utf-16be';
  if (e === 'latin1' || e === 'iso8859-1') return 'iso-8859-1';
  const cp = /^(?:cp|win|windows)-?(\d{3,4})$/.exec(e);
  if (cp) return `windows-${cp[1]}`;
  const iso = /^iso-?8859-?(\d{1,2})$/.exec(e);
  if (iso) return `iso-8859-${iso[1]}`;
  return e;
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function refuseEmpty(text: string): void {
  if (text.trim().length === 0) {
    throw new ImportRefusal('empty', 'The file is empty or holds only whitespace.');
  }
}

function refuseBinary(nul: number): never {
  throw new ImportRefusal(
    'binary',
    `The file looks like binary data, not text (${nul} NUL bytes and other control bytes near its start). ` +
      'If it is a document, convert it to PDF, DOCX, HTML or plain text first.',
  );
}

/** Why `encoding` cannot be used, or null when Liaison knows it: checked before an import starts too. */
export function unknownEncoding(encoding: string): string | null {
  return iconv.encodingExists(encoding) ? null : `"${encoding}" is not an encoding Liaison knows. Choose one such as utf-8, windows-1252, windows-1256 or iso-8859-6.`;
}

/**
 * Decode with a named encoding and refuse when the result is not clean text. Used for a forced
 * encoding and for one declared by the file itself (an HTML `<meta charset>`).
 */
export function decodeAs(bytes: Uint8Array, encoding: string): DecodedText {
  const unknown = unknownEncoding(encoding);
  if (unknown) throw new ImportRefusal('bad-encoding', unknown);
  const name = canonicalName(encoding);
  const bom = sniffBom(bytes);
  const body = bom && bom.encoding === name ? bytes.subarray(bom.length) : bytes;
  const text = name === 'utf-8' ? (decodeStrict(body, 'utf-8') ?? iconv.decode(body, 'utf-8')) : iconv.decode(body, encoding, { stripBOM: true });
  const junk = findJunk(text);
  if (junk) throw new ImportRefusal('undecodable', junkMessage(text, junk, name));
  refuseEmpty(text);
  return { text, encoding: name, warnings: [] };
}

/**
 * chardet says ISO-8859-1 for most Western text, but real files in the wild are windows-1252
 * (curly quotes and € live in 0x80–0x9F, which Latin-1 maps to controls). Browsers make the
 * same substitution (WHATWG Encoding: the `latin1` label is windows-1252).
 */
const SUPERSET: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
};

interface Candidate {
  encoding: string;
  confidence: number;
}

function detectionCandidates(bytes: Uint8Array): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  // chardet's statistics settle long before 64 KiB; the whole file would only cost time.
  for (const match of chardet.analyse(bytes.subarray(0, 65536))) {
    const base = canonicalName(match.name);
    const name = SUPERSET[base] ?? base;
    // chardet's UTF-* guesses are moot here: BOMs and strict UTF-8 were tried before it.
    if (name.startsWith('utf-') || name === 'ascii' || seen.has(name) || !iconv.encodingExists(name)) continue;
    seen.add(name);
    out.push({ encoding: name, confidence: match.confidence });
  }
  // Last resort for short Western text chardet cannot place: windows-1252 decodes nearly every byte.
  if (!seen.has('windows-1252')) out.push({ encoding: 'windows-1252', confidence: 0 });
  return out;
}

/** Below this chardet confidence the analyst is told the encoding was a guess. */
const CONFIDENT = 50;

/**
 * Decode a text file's bytes: BOM, then strict UTF-8, then detection. Throws `ImportRefusal`
 * (`bad-encoding`, `binary`, `undecodable`, `empty`) rather than return text with U+FFFD.
 */
export function decodeText(bytes: Uint8Array, forced?: string): DecodedText {
  if (forced) return decodeAs(bytes, forced);
  if (bytes.length === 0) refuseEmpty('');

  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    const text = bom.encoding.startsWith('utf-32') ? iconv.decode(body, bom.encoding) : decodeStrict(body, bom.encoding);
    if (text === null) {
      throw new ImportRefusal(
        'undecodable',
        `The file starts with a ${bom.encoding} byte-order mark but its bytes are not valid ${bom.encoding}. It may be truncated or damaged.`,
      );
    }
    const junk = findJunk(text);
    if (junk) throw new ImportRefusal('undecodable', junkMessage(text, junk, bom.encoding));
    refuseEmpty(text);
    return { text, encoding: bom.encoding, warnings: [] };
  }

  // Binary needs both a count and a share: one stray NUL in a short note is a damaged text
  // (refused as undecodable, with its position), not a binary file.
  const { junk: junkCount, ratio, nul } = junkBytes(bytes);
  if (nul > 0) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      const text = decodeStrict(bytes, utf16);
      const junk = text === null ? null : findJunk(text);
      if (text !== null && junk === null) {
        refuseEmpty(text);
        return { text, encoding: utf16, warnings: [`No byte-order mark; the file was read as ${utf16} from its byte pattern.`] };
      }
    }
    if (junkCount >= 4 && ratio > 0.005) refuseBinary(nul);
  } else if (junkCount >= 4 && ratio > 0.05) {
    refuseBinary(0);
  }

  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) {
    const junk = findJunk(utf8);
    if (junk) throw new ImportRefusal('undecodable', junkMessage(utf8, junk, 'utf-8'));
    refuseEmpty(utf8);
    return { text: utf8, encoding: 'utf-8', warnings: [] };
  }

  let firstFailure: { text: string; junk: Junk; encoding: string } | null = null;
  for (const candidate of detectionCandidates(bytes)) {
    const text = iconv.decode(bytes, candidate.encoding);
    const junk = findJunk(text);
    if (junk) {
      firstFailure ??= { text, junk, encoding: candidate.encoding };
      continue;
    }
    refuseEmpty(text);
    const warnings =
      candidate.confidence < CONFIDENT
        ? [`The encoding was guessed as ${candidate.encoding} with low confidence; check accented or non-Latin letters.`]
        : [];
    return { text, encoding: candidate.encoding, warnings };
  }
  const detail = firstFailure ? ` ${junkMessage(firstFailure.text, firstFailure.junk, firstFailure.encoding)}` : '';
  throw new ImportRefusal('undecodable', `The file is not valid UTF-8 and no other encoding decodes it cleanly.${detail}`);
}

/**
 * The one normalisation an imported text gets before it becomes immutable: NFC (so that é is
 * one code unit whether the source composed it or not, which keeps search and offsets stable),
 * LF line endings, and no BOM characters. Nothing else: whitespace and boilerplate stay, and
 * are marked later as ranges.
 */
export function normaliseText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\uFEFF/g, '').normalize('NFC');
}
