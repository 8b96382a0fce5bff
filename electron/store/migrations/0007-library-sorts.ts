import type { Database } from 'better-sqlite3';

/**
 * Every library column sorts in SQL with keyset paging (electron/services/library-sql.ts SORTS),
 * so each sort key gets an index on (key, rowid).
 *
 * "Engagements coded" and "coding status" come from other tables (engagement_sources joined to
 * live engagements). An index cannot hold a value computed from other tables, so the document
 * keeps both, maintained by triggers on every write that can change them: a source added,
 * removed or moved, an engagement's status or deletion changed, an engagement removed (its
 * sources go with it by cascade, which fires the source triggers). `coding_rank` orders the
 * statuses as CODING_STATUSES does: 0 uncoded, 1 draft, 2 coded. The library's tests check the
 * stored values against the live count on a generated project.
 */
const REFRESH = (where: string) => `
  UPDATE documents SET
    coded_engagements = (SELECT count(*) FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id
                         WHERE s.document_id = documents.id AND e.deleted_at IS NULL),
    coding_rank = (SELECT CASE WHEN count(*) = 0 THEN 0 WHEN sum(e.status = 'draft') > 0 THEN 1 ELSE 2 END
                   FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id
                   WHERE s.document_id = documents.id AND e.deleted_at IS NULL)
  WHERE ${where};`;

export default function librarySorts(db: Database): void {
  db.exec(`
    ALTER TABLE documents ADD COLUMN coded_engagements INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN coding_rank INTEGER NOT NULL DEFAULT 0;
    ${REFRESH('id IN (SELECT document_id FROM engagement_sources)')}

    CREATE TRIGGER engagement_sources_coding_insert AFTER INSERT ON engagement_sources BEGIN
      ${REFRESH('id = NEW.document_id')}
    END;
    CREATE TRIGGER engagement_sources_coding_delete AFTER DELETE ON engagement_sources BEGIN
      ${REFRESH('id = OLD.document_id')}
    END;
    CREATE TRIGGER engagement_sources_coding_update AFTER UPDATE OF document_id, engagement_id ON engagement_sources BEGIN
      ${REFRESH('id IN (OLD.document_id, NEW.document_id)')}
    END;
    CREATE TRIGGER engagements_coding_update AFTER UPDATE OF status, deleted_at ON engagements
      WHEN OLD.status IS NOT NEW.status OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
      ${REFRESH('id IN (SELECT document_id FROM engagement_sources WHERE engagement_id = NEW.id)')}
    END;

    CREATE INDEX documents_place_sort ON documents(ifnull(place, ''), rowid);
    CREATE INDEX documents_format_sort ON documents(format, rowid);
    CREATE INDEX documents_dup_sort ON documents(ifnull(duplicate_group_id, ''), rowid);
    CREATE INDEX documents_engagements_sort ON documents(coded_engagements, rowid);
    CREATE INDEX documents_coding_sort ON documents(coding_rank, rowid);
  `);
}
