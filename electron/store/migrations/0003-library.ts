import type { Database } from 'better-sqlite3';

/**
 * Indexes behind the library's filters and facet counts (electron/services/library-sql.ts).
 *
 * `documents_facets` covers every facet column, so counting a facet (with any other filter
 * applied) reads this narrow index alone and never the table, whose rows carry whole texts.
 * `documents_excluded` is partial: "marked not relevant" is the rare case worth a search.
 */
export default function library(db: Database): void {
  db.exec(`
    CREATE INDEX documents_facets ON documents(format, batch_id, excluded, duplicate_group_id, outlet, published_at, id);
    CREATE INDEX documents_excluded ON documents(excluded) WHERE excluded = 1;
    CREATE INDEX duplicate_groups_primary ON duplicate_groups(primary_document_id);
  `);
}
