import type { Database } from 'better-sqlite3';

/**
 * Imported articles. `text` is immutable once written (a trigger refuses changes); every span
 * points into it. Cleaning marks ranges (text_ranges) instead of deleting. The FTS index holds
 * the searchable form (boilerplate and repeats left out, glued sentences split), keyed by the
 * document's integer rowid.
 */
export default function documents(db: Database): void {
  db.exec(`
    CREATE TABLE import_batches (
      id           TEXT PRIMARY KEY,
      seq          INTEGER NOT NULL UNIQUE,
      started_at   TEXT NOT NULL,
      finished_at  TEXT,
      status       TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'interrupted')),
      sources_json TEXT NOT NULL,
      options_json TEXT NOT NULL,
      coder_id     TEXT NOT NULL REFERENCES coders(id),
      summary_json TEXT
    ) STRICT;

    CREATE TABLE duplicate_groups (
      id                  TEXT PRIMARY KEY,
      kind                TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
      primary_document_id TEXT,
      created_at          TEXT NOT NULL
    ) STRICT;

    CREATE TABLE documents (
      rowid            INTEGER PRIMARY KEY,
      id               TEXT NOT NULL UNIQUE,
      batch_id         TEXT NOT NULL REFERENCES import_batches(id),
      path             TEXT NOT NULL,
      record_index     INTEGER NOT NULL DEFAULT 0,
      format           TEXT NOT NULL,
      size_bytes       INTEGER NOT NULL,
      mtime_ms         INTEGER NOT NULL,
      sha256           TEXT NOT NULL,
      encoding         TEXT NOT NULL,
      title            TEXT,
      published_at     TEXT,
      outlet           TEXT,
      place            TEXT,
      url              TEXT,
      byline           TEXT,
      language         TEXT,
      meta_sources_json TEXT NOT NULL DEFAULT '{}',
      words            INTEGER NOT NULL,
      clean_hash       TEXT NOT NULL,
      shingles         INTEGER NOT NULL DEFAULT 0,
      duplicate_group_id TEXT REFERENCES duplicate_groups(id),
      duplicate_similarity REAL,
      -- 0 until the duplicate pass has compared it (a crashed import leaves 0; the next one catches up).
      dup_checked      INTEGER NOT NULL DEFAULT 0,
      excluded         INTEGER NOT NULL DEFAULT 0,
      superseded_by    TEXT,
      warnings_json    TEXT NOT NULL DEFAULT '[]',
      imported_at      TEXT NOT NULL,
      -- Large values last: a column stored after a long text is read by walking its overflow
      -- pages, so listing metadata must never sit behind the text.
      minhash          BLOB,
      text             TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_path ON documents(path, record_index);
    CREATE INDEX documents_sha ON documents(sha256);
    CREATE INDEX documents_clean_hash ON documents(clean_hash);
    CREATE INDEX documents_batch ON documents(batch_id, rowid);
    -- Sort keys for keyset paging: the expressions must match electron/services/library.ts.
    CREATE INDEX documents_title_sort ON documents(ifnull(title, ''), rowid);
    CREATE INDEX documents_published_sort ON documents(ifnull(published_at, ''), rowid);
    CREATE INDEX documents_outlet_sort ON documents(ifnull(outlet, ''), rowid);
    CREATE INDEX documents_words_sort ON documents(words, rowid);
    CREATE INDEX documents_dup ON documents(duplicate_group_id);
    CREATE INDEX documents_dup_pending ON documents(dup_checked) WHERE dup_checked = 0;

    CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents
      WHEN NEW.text IS NOT OLD.text
      BEGIN SELECT RAISE(ABORT, 'a document''s text never changes after import'); END;

    CREATE TABLE text_ranges (
      document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
      kind           TEXT NOT NULL CHECK (kind IN ('boilerplate', 'repeat', 'glue')),
      start          INTEGER NOT NULL,
      end            INTEGER NOT NULL,
      label          TEXT NOT NULL,
      CHECK (start >= 0 AND end >= start)
    ) STRICT;
    CREATE INDEX text_ranges_doc ON text_ranges(document_rowid, start);

    -- One line per file the import looked at and did not import as new, with its reason.
    CREATE TABLE import_items (
      batch_id TEXT NOT NULL REFERENCES import_batches(id),
      path     TEXT NOT NULL,
      status   TEXT NOT NULL CHECK (status IN ('imported', 'unchanged', 'skipped', 'failed')),
      code     TEXT,
      reason   TEXT,
      document_count INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX import_items_batch ON import_items(batch_id, status);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, body,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `);
}
