import type { Database } from 'better-sqlite3';

/**
 * Coding: codebooks (every version kept), actors with aliases and roles over time, engagements
 * with participants, topics, outcomes, sources and evidence spans. IDs are text UUIDs so bundles
 * from other machines merge by identity; every row names the coder who last changed it, and the
 * audit log holds every before/after.
 */
export default function coding(db: Database): void {
  db.exec(`
    CREATE TABLE codebooks (
      id              TEXT PRIMARY KEY,
      name            TEXT NOT NULL,
      preset          TEXT,
      current_version INTEGER NOT NULL,
      created_at      TEXT NOT NULL
    ) STRICT;

    -- Every version of every codebook, as the JSON the analyst could export: never deleted.
    CREATE TABLE codebook_versions (
      codebook_id TEXT NOT NULL REFERENCES codebooks(id),
      version     INTEGER NOT NULL,
      json        TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      coder_id    TEXT NOT NULL REFERENCES coders(id),
      PRIMARY KEY (codebook_id, version)
    ) STRICT;

    CREATE TABLE actors (
      id           TEXT PRIMARY KEY,
      kind         TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'country')),
      name         TEXT NOT NULL,
      country_code TEXT,
      notes        TEXT NOT NULL DEFAULT '',
      merged_into  TEXT REFERENCES actors(id),
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      coder_id     TEXT NOT NULL REFERENCES coders(id)
    ) STRICT;
    CREATE INDEX actors_kind_name ON actors(kind, name);
    CREATE INDEX actors_merged ON actors(merged_into) WHERE merged_into IS NOT NULL;
    -- Countries are one actor per ISO code.
    CREATE UNIQUE INDEX actors_country ON actors(country_code) WHERE kind = 'country' AND merged_into IS NULL;

    CREATE TABLE actor_aliases (
      actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
      alias    TEXT NOT NULL,
      -- Normalised form (case, diacritics, al-/Al prefixes folded) for lookups.
      norm     TEXT NOT NULL,
      PRIMARY KEY (actor_id, alias)
    ) STRICT;
    CREATE INDEX actor_aliases_norm ON actor_aliases(norm);

    CREATE TABLE actor_roles (
      id              TEXT PRIMARY KEY,
      actor_id        TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
      title           TEXT NOT NULL,
      organisation_id TEXT REFERENCES actors(id),
      country_code    TEXT,
      date_from       TEXT,
      date_to         TEXT,
      position        INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX actor_roles_actor ON actor_roles(actor_id, position);

    CREATE TABLE engagements (
      id               TEXT PRIMARY KEY,
      codebook_id      TEXT NOT NULL REFERENCES codebooks(id),
      codebook_version INTEGER NOT NULL,
      type             TEXT NOT NULL,
      mode             TEXT,
      date_value       TEXT,
      date_precision   TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'unknown')),
      date_inferred    INTEGER NOT NULL DEFAULT 0,
      date_basis       TEXT,
      place            TEXT,
      country_code     TEXT,
      notes            TEXT NOT NULL DEFAULT '',
      confidence       TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
      status           TEXT NOT NULL CHECK (status IN ('draft', 'coded', 'in-review', 'disputed', 'final', 'adjudicated')),
      coder_id         TEXT NOT NULL REFERENCES coders(id),
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      revision         INTEGER NOT NULL,
      -- Deleting keeps the row (undo, audit, bundles): listings skip deleted ones.
      deleted_at       TEXT
    ) STRICT;
    CREATE INDEX engagements_date ON engagements(date_value, id) WHERE deleted_at IS NULL;
    CREATE INDEX engagements_type ON engagements(type, date_value) WHERE deleted_at IS NULL;
    CREATE INDEX engagements_coder ON engagements(coder_id, status);

    CREATE TABLE engagement_participants (
      id            TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      actor_id      TEXT NOT NULL REFERENCES actors(id),
      role          TEXT NOT NULL,
      title         TEXT,
      side_id       TEXT REFERENCES actors(id),
      position      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX engagement_participants_engagement ON engagement_participants(engagement_id, position);
    CREATE INDEX engagement_participants_actor ON engagement_participants(actor_id);
    CREATE INDEX engagement_participants_side ON engagement_participants(side_id);

    CREATE TABLE engagement_values (
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      list          TEXT NOT NULL CHECK (list IN ('topics', 'outcomes')),
      value         TEXT NOT NULL,
      position      INTEGER NOT NULL,
      PRIMARY KEY (engagement_id, list, value)
    ) STRICT;
    CREATE INDEX engagement_values_value ON engagement_values(list, value);

    CREATE TABLE engagement_sources (
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      document_id   TEXT NOT NULL REFERENCES documents(id),
      is_primary    INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (engagement_id, document_id)
    ) STRICT;
    CREATE INDEX engagement_sources_document ON engagement_sources(document_id);

    CREATE TABLE evidence (
      id            TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      document_id   TEXT NOT NULL REFERENCES documents(id),
      field         TEXT NOT NULL,
      start         INTEGER NOT NULL,
      end           INTEGER NOT NULL,
      quote         TEXT NOT NULL,
      CHECK (start >= 0 AND end > start)
    ) STRICT;
    CREATE INDEX evidence_engagement ON evidence(engagement_id);
    CREATE INDEX evidence_document ON evidence(document_id, start);
  `);
}
