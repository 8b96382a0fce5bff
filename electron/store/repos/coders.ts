import { randomUUID } from 'node:crypto';
import type { Coder } from '../../../shared/model/project';
import type { Db } from '../open';
import { prepared } from '../prepared';

interface CoderRow {
  id: string;
  name: string;
  initials: string;
  color: string;
  created_at: string;
}

const rowToCoder = (r: CoderRow): Coder => ({ id: r.id, name: r.name, initials: r.initials, color: r.color, createdAt: r.created_at });

export function listCoders(db: Db): Coder[] {
  return prepared<[], CoderRow>(db, 'SELECT * FROM coders WHERE retired_at IS NULL ORDER BY created_at, name').all().map(rowToCoder);
}

export function getCoder(db: Db, id: string): Coder | null {
  const row = prepared<[string], CoderRow>(db, 'SELECT * FROM coders WHERE id = ?').get(id);
  return row ? rowToCoder(row) : null;
}

export function insertCoder(db: Db, args: { name: string; initials?: string; color?: string }): Coder {
  const coder: Coder = {
    id: randomUUID(),
    name: args.name,
    initials: (args.initials ?? initialsOf(args.name)).toUpperCase(),
    color: args.color ?? '#2f6f9f',
    createdAt: new Date().toISOString(),
  };
  prepared(db, 'INSERT INTO coders (id, name, initials, color, created_at) VALUES ($id, $name, $initials, $color, $createdAt)').run(coder);
  return coder;
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : name.slice(0, 2);
  return letters.toUpperCase();
}

export function getMeta(db: Db, key: string): string | null {
  return prepared<[string], { value: string }>(db, 'SELECT value FROM meta WHERE key = ?').get(key)?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
