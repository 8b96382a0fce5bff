import type { Database } from 'better-sqlite3';

/**
 * Exchange between machines (electron/services/bundles). Four tables:
 *
 * - `bundle_imports`: one row per imported bundle file (who, when, its SHA-256, the report).
 * - `imported_audit`: the other machine's audit entries for the records it sent, kept verbatim
 *   with their own hashes. They are never spliced into `audit_log`: the local chain is this
 *   file's own history in the order it happened here, and re-hashing foreign entries into it
 *   would destroy the very hashes that make them evidence. The local chain instead records one
 *   `bundle/import` entry holding the bundle file's SHA-256, which commits to these rows.
 * - `bundle_conflicts`: records changed on both sides. Both versions are kept as JSON until a
 *   reviewer takes one; nothing is overwritten on import.
 * - `bundle_lineage`: content hashes of earlier states of a record that this project has seen and
 *   moved past (states that arrived with a bundle's history, or the losing side of a resolved
 *   conflict). With the audit log, this is how an import tells "the other side edited on top of
 *   what we have" (safe to fast-forward) from "both sides edited" (a conflict).
 */
export default function bundles(db: Database): void {
  db.exec(`
    CREATE TABLE bundle_imports (
      id                TEXT PRIMARY KEY,
      bundle_id         TEXT NOT NULL,
      file_sha256       TEXT NOT NULL,
      exported_by       TEXT NOT NULL,
      exported_at       TEXT NOT NULL,
      imported_at       TEXT NOT NULL,
      coder_id          TEXT NOT NULL REFERENCES coders(id),
      report_json       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bundle_imports_bundle ON bundle_imports(bundle_id);

    CREATE TABLE imported_audit (
      hash        TEXT PRIMARY KEY,
      import_id   TEXT NOT NULL REFERENCES bundle_imports(id),
      origin_seq  INTEGER NOT NULL,
      at          TEXT NOT NULL,
      coder_id    TEXT NOT NULL,
      entity      TEXT NOT NULL,
      entity_id   TEXT NOT NULL,
      action      TEXT NOT NULL,
      before_json TEXT,
      after_json  TEXT,
      prev_hash   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX imported_audit_entity ON imported_audit(entity, entity_id, at);
    CREATE TRIGGER imported_audit_no_update BEFORE UPDATE ON imported_audit
      BEGIN SELECT RAISE(ABORT, 'imported audit entries are evidence and never change'); END;
    CREATE TRIGGER imported_audit_no_delete BEFORE DELETE ON imported_audit
      BEGIN SELECT RAISE(ABORT, 'imported audit entries are evidence and never change'); END;

    CREATE TABLE bundle_conflicts (
      id                  TEXT PRIMARY KEY,
      import_id           TEXT NOT NULL REFERENCES bundle_imports(id),
      entity              TEXT NOT NULL CHECK (entity IN ('engagement', 'actor', 'codebook')),
      entity_id           TEXT NOT NULL,
      label               TEXT NOT NULL,
      reason              TEXT NOT NULL,
      local_json          TEXT NOT NULL,
      incoming_json       TEXT NOT NULL,
      local_state         TEXT NOT NULL,
      incoming_state      TEXT NOT NULL,
      incoming_lineage_json TEXT NOT NULL DEFAULT '[]',
      status              TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
      created_at          TEXT NOT NULL,
      resolution          TEXT CHECK (resolution IN ('local', 'incoming')),
      resolved_at         TEXT,
      resolved_by         TEXT REFERENCES coders(id),
      CHECK ((status = 'open') = (resolution IS NULL))
    ) STRICT;
    CREATE INDEX bundle_conflicts_status ON bundle_conflicts(status, created_at);
    CREATE INDEX bundle_conflicts_entity ON bundle_conflicts(entity, entity_id, status);

    CREATE TABLE bundle_lineage (
      entity     TEXT NOT NULL,
      entity_id  TEXT NOT NULL,
      state_hash TEXT NOT NULL,
      PRIMARY KEY (entity, entity_id, state_hash)
    ) STRICT, WITHOUT ROWID;
  `);
}
