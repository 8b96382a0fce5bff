-- A project file as schema 1 (the first release) left it: its tables, one coder, its identity.
-- Kept verbatim so that every later migration is tested on a real older file.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE coders (id TEXT PRIMARY KEY, name TEXT NOT NULL, initials TEXT NOT NULL, color TEXT NOT NULL, created_at TEXT NOT NULL, retired_at TEXT) STRICT;
CREATE TABLE settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, coder_id TEXT NOT NULL REFERENCES coders(id), entity TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL, before_json TEXT, after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
INSERT INTO meta VALUES ('project_id', '6f1c1d1e-0000-4000-8000-000000000001'), ('name', 'Old project'), ('created_at', '2026-01-01T00:00:00.000Z'), ('current_coder_id', 'c1');
INSERT INTO coders VALUES ('c1', 'Old Coder', 'OC', '#2f6f9f', '2026-01-01T00:00:00.000Z', NULL);
PRAGMA user_version = 1;
