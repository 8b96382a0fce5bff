import type { Database } from 'better-sqlite3';

/**
 * Review: which coders a document is assigned to (one for single coding, two for blind double
 * coding). While a document has two coders, each sees only their own engagements for it.
 */
export default function review(db: Database): void {
  db.exec(`
    CREATE TABLE assignments (
      document_id TEXT NOT NULL REFERENCES documents(id),
      coder_id    TEXT NOT NULL REFERENCES coders(id),
      assigned_at TEXT NOT NULL,
      assigned_by TEXT NOT NULL REFERENCES coders(id),
      PRIMARY KEY (document_id, coder_id)
    ) STRICT;
    CREATE INDEX assignments_coder ON assignments(coder_id, document_id);

    -- An adjudication makes a final record from two coders' versions; both originals stay, and
    -- analysis counts the final record instead of them.
    CREATE TABLE adjudications (
      id                  TEXT PRIMARY KEY,
      document_id         TEXT NOT NULL REFERENCES documents(id),
      final_engagement_id TEXT NOT NULL REFERENCES engagements(id),
      a_engagement_id     TEXT REFERENCES engagements(id),
      b_engagement_id     TEXT REFERENCES engagements(id),
      choices_json        TEXT NOT NULL,
      reason              TEXT NOT NULL,
      coder_id            TEXT NOT NULL REFERENCES coders(id),
      at                  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX adjudications_a ON adjudications(a_engagement_id);
    CREATE INDEX adjudications_b ON adjudications(b_engagement_id);
    CREATE INDEX adjudications_document ON adjudications(document_id);

    -- Threaded comments on an engagement or a document, with their coder and time.
    CREATE TABLE comments (
      id        TEXT PRIMARY KEY,
      entity    TEXT NOT NULL CHECK (entity IN ('engagement', 'document')),
      entity_id TEXT NOT NULL,
      parent_id TEXT REFERENCES comments(id),
      coder_id  TEXT NOT NULL REFERENCES coders(id),
      body      TEXT NOT NULL,
      at        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX comments_entity ON comments(entity, entity_id, at);
  `);
}
