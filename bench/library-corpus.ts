// The bench's generated library, also opened by e2e/library-large.spec.ts: `size` articles written
// straight in SQL, each field a formula on the article's number, plus two long near-identical reports.
import type { Db } from '../electron/store/open';

/** Length of each of the two long reports compared. */
export const LONG_CHARS = 150_000;

const OUTLETS = ['Shafaq News', 'Mogadishu24', 'Somali Magazine', 'Rudaw', 'Iraqi News Agency', 'Hiiraan Online', 'Garowe Online', 'Al-Monitor', 'Kurdistan24', 'Baghdad Post'];
const PLACES = ['Baghdad', 'Mogadishu', 'Erbil', 'Basra', 'Kismayo', 'Brussels', 'Washington', 'Ankara', 'Tehran', 'Nairobi'];
const SUBJECTS = ['Iraqi Interior Minister', 'Somali President', 'NATO Mission Iraq commander', 'US Defense Secretary', 'Turkish envoy', 'AMISOM commander', 'Iraqi National Security Adviser', 'EU delegation'];
const VERBS = ['meets', 'receives', 'discusses security with', 'signs memorandum with', 'hosts', 'calls'];
const OBJECTS = ['Kurdish officials', 'a NATO delegation', 'the US ambassador', 'Somali counterparts', 'border guards', 'a UN envoy', 'Turkish defence minister', 'tribal leaders'];

const json = (list: string[]) => JSON.stringify(list).replace(/'/g, "''");

/** A project of `size` documents written straight in SQL (one statement per table, one transaction): seconds, not an import. */
export function generateLibrary(db: Db, size: number): void {
  const coder = (db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  db.transaction(() => {
    const batch = db.prepare("INSERT INTO import_batches (id, seq, started_at, status, sources_json, options_json, coder_id) VALUES (?, ?, ?, 'done', '[]', '{}', ?)");
    for (let b = 1; b <= 5; b++) batch.run(`b${b}`, b, `2026-0${b}-05T10:00:00Z`, coder);
    db.exec(`
      WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 250 FROM k WHERE i + 250 <= ${size})
      INSERT INTO duplicate_groups (id, kind, primary_document_id, created_at) SELECT 'g' || (i / 250), 'near', printf('doc-%07d', i), '2026-01-05' FROM k;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${size}),
      t(i, title, outlet, place) AS (
        SELECT i,
          json_extract('${json(SUBJECTS)}', '$[' || (i % ${SUBJECTS.length}) || ']') || ' ' ||
          json_extract('${json(VERBS)}', '$[' || ((i / 7) % ${VERBS.length}) || ']') || ' ' ||
          json_extract('${json(OBJECTS)}', '$[' || ((i / 3) % ${OBJECTS.length}) || ']') || ' in ' ||
          json_extract('${json(PLACES)}', '$[' || ((i / 11) % ${PLACES.length}) || ']'),
          json_extract('${json(OUTLETS)}', '$[' || ((i * 7) % ${OUTLETS.length}) || ']'),
          json_extract('${json(PLACES)}', '$[' || ((i / 11) % ${PLACES.length}) || ']')
        FROM n
      )
      INSERT INTO documents (rowid, id, batch_id, path, format, size_bytes, mtime_ms, sha256, encoding, text, title, published_at, outlet, place,
                             words, clean_hash, imported_at, excluded, duplicate_group_id)
      SELECT i, printf('doc-%07d', i), 'b' || (1 + i % 5), printf('/corpus/%07d.txt', i),
        CASE WHEN i % 20 = 0 THEN 'pdf' WHEN i % 7 = 0 THEN 'html' ELSE 'txt' END,
        2000, 0, printf('%064d', i), 'utf-8',
        title || '. The two sides discussed border security, training and intelligence sharing, a statement said. Article ' || i || '.',
        title, CASE WHEN i % 13 = 0 THEN NULL ELSE printf('%04d-%02d-%02d', 2015 + i % 10, 1 + i % 12, 1 + i % 28) END,
        outlet, place, 180 + i % 900, printf('%064d', i), '2026-01-05T10:00:00Z',
        CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END,
        CASE WHEN i % 250 IN (1, 2) THEN 'g' || (i / 250) END
      FROM t;
      INSERT INTO documents_fts (rowid, title, body) SELECT rowid, ifnull(title, ''), text FROM documents;
    `);
    // Two long near-identical reports, for the comparison.
    const [original, revised] = longPair();
    const insert = db.prepare(
      `INSERT INTO documents (rowid, id, batch_id, path, format, size_bytes, mtime_ms, sha256, encoding, text, title, outlet, words, clean_hash, imported_at)
       VALUES (?, ?, 'b1', ?, 'txt', ?, 0, ?, 'utf-8', ?, ?, 'Bench Wire', ?, ?, '2026-01-05T10:00:00Z')`,
    );
    const fts = db.prepare('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)');
    for (const [k, text] of [original, revised].entries()) {
      const rowid = size + 1 + k;
      const title = `Zzlongreport ${k === 0 ? 'original' : 'revised'}: annual review of border security cooperation`;
      insert.run(rowid, `doc-long-${k}`, `/corpus/long-${k}.txt`, text.length, String(rowid).padStart(64, '0'), text, title, text.split(/\s+/).length, String(rowid).padStart(64, '0'));
      fts.run(rowid, title, text);
    }
  })();
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A report of LONG_CHARS characters, and a revision with about one word in a hundred changed. */
function longPair(): [string, string] {
  const rnd = random(42);
  const vocabulary = [...SUBJECTS, ...VERBS, ...OBJECTS, ...PLACES, 'training', 'border', 'security', 'cooperation', 'agreement', 'forces', 'intelligence', 'the', 'of', 'and', 'with', 'for', 'said', 'on', 'a'].flatMap((p) => p.split(' '));
  const pick = () => vocabulary[Math.floor(rnd() * vocabulary.length)];
  const paragraphs: string[] = [];
  let length = 0;
  for (let p = 0; length < LONG_CHARS; p++) {
    const sentences: string[] = [];
    for (let k = 0; k < 5; k++) {
      const words = Array.from({ length: 10 + Math.floor(rnd() * 12) }, pick);
      sentences.push(`${words.join(' ')} (${p}.${k}).`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  const original = paragraphs.join('\n\n');
  const revised = original.replace(/\b[a-z]{6,}\b/g, (w) => (rnd() < 0.02 ? 'redacted' : w));
  return [original, revised];
}

