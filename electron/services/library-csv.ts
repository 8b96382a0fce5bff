import type { ListedDocument } from '../../shared/model/library';
import { csvText } from '../../shared/review/csv';

const COLUMNS: { header: string; value: (r: ListedDocument) => string | number }[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'title', value: (r) => r.title ?? '' },
  { header: 'outlet', value: (r) => r.outlet ?? '' },
  { header: 'published', value: (r) => r.publishedAt ?? '' },
  { header: 'place', value: (r) => r.place ?? '' },
  { header: 'batch', value: (r) => r.batchSeq },
  { header: 'format', value: (r) => r.format },
  { header: 'words', value: (r) => r.words },
  { header: 'duplicate_status', value: (r) => (r.duplicateGroupId === null ? 'none' : r.isPrimary ? 'primary' : `${r.duplicateKind ?? 'near'} copy`) },
  { header: 'duplicate_set', value: (r) => r.duplicateGroupId ?? '' },
  { header: 'engagements', value: (r) => r.engagements },
  { header: 'coding_status', value: (r) => r.codingStatus },
  { header: 'relevant', value: (r) => (r.excluded ? 'no' : 'yes') },
];

/**
 * The selected rows as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheets read
 * Arabic titles right). Titles come from scraped articles, so text cells that would start a
 * formula are defused (csvText); figures stay numbers.
 */
export function selectionCsv(rows: readonly ListedDocument[]): string {
  const lines = [COLUMNS.map((c) => c.header).join(',')];
  for (const r of rows) lines.push(COLUMNS.map((c) => {
    const v = c.value(r);
    return typeof v === 'number' ? String(v) : csvText(v);
  }).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
