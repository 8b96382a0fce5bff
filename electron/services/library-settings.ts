/**
 * Per-project settings the renderer remembers between sessions (the library's column layout
 * first), kept in the project file's `settings` table (migration 0001) so a project carries its
 * layout from machine to machine. UI state, not research data: not audited, and a read-only
 * project simply does not remember (saved: false) rather than failing the screen that asked.
 * The contract validates the key's shape and caps the JSON's size; the renderer validates what
 * it reads back, as it would any stored value.
 */
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { type AppContext, requireStore } from './context';

export function getSetting(ctx: AppContext, args: { key: string }): { value: unknown } {
  const { db } = requireStore(ctx);
  const row = prepared<[string], { value_json: string }>(db, 'SELECT value_json FROM settings WHERE key = ?').get(args.key);
  if (!row) return { value: null };
  try {
    return { value: JSON.parse(row.value_json) as unknown };
  } catch {
    // Written by something other than this app: forget it rather than fail the screen.
    return { value: null };
  }
}

function write(db: Db, key: string, value: unknown): void {
  if (value === null) {
    prepared(db, 'DELETE FROM settings WHERE key = ?').run(key);
    return;
  }
  prepared(
    db,
    `INSERT INTO settings (key, value_json, updated_at) VALUES ($key, $json, $now)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run({ key, json: JSON.stringify(value), now: new Date().toISOString() });
}

export function setSetting(ctx: AppContext, args: { key: string; value: unknown }): { saved: boolean } {
  const store = requireStore(ctx);
  if (store.readOnly) return { saved: false };
  write(store.db, args.key, args.value);
  return { saved: true };
}
