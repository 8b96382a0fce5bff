import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/**
 * Statements are prepared once per connection and reused (preparing is the costly part).
 * `prepared(db, sql)` caches by SQL text on the connection.
 */
const cache = new WeakMap<Db, Map<string, Statement>>();

export function prepared<P extends unknown[] | Record<string, unknown> = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let stmt = byDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byDb.set(sql, stmt);
  }
  return stmt as Statement<P, R>;
}
