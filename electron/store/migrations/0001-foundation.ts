import type { Database } from 'better-sqlite3';

/**
 * The base every later table hangs on. IDs are text UUIDs so records keep their identity when
 * bundles move between machines; every change names its coder; the audit log is append-only and
 * hash-chained (issue 6 verifies it).
 */
export default function foundation(db: Database): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE coders (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      initials   TEXT NOT NULL,
      color      TEXT NOT NULL,
      created_at TEXT NOT NULL,
      retired_at TEXT
    ) STRICT;

    -- Per-project settings the renderer remembers (column order, layouts ...), as JSON values.
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      at          TEXT NOT NULL,
      coder_id    TEXT NOT NULL REFERENCES coders(id),
      entity      TEXT NOT NULL,
      entity_id   TEXT NOT NULL,
      action      TEXT NOT NULL,
      before_json TEXT,
      after_json  TEXT,
      prev_hash   TEXT NOT NULL,
      hash        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `);
}
