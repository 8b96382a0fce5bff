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
  `);
}
