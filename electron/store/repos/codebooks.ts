import type { Codebook } from '../../../shared/model/codebook';
import type { Db } from '../open';
import { prepared } from '../prepared';

export function getCodebookVersion(db: Db, id: string, version?: number): Codebook | null {
  const row = version
    ? prepared<[string, number], { json: string }>(db, 'SELECT json FROM codebook_versions WHERE codebook_id = ? AND version = ?').get(id, version)
    : prepared<[string], { json: string }>(db, 'SELECT v.json FROM codebooks c JOIN codebook_versions v ON v.codebook_id = c.id AND v.version = c.current_version WHERE c.id = ?').get(id);
  return row ? (JSON.parse(row.json) as Codebook) : null;
}

/** Store a codebook version (the caller has set `version`); it becomes the current one. */
export function writeCodebookVersion(db: Db, codebook: Codebook, coderId: string): void {
  const now = new Date().toISOString();
  prepared(
    db,
    `INSERT INTO codebooks (id, name, preset, current_version, created_at) VALUES ($id, $name, $preset, $version, $now)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, current_version = excluded.current_version`,
  ).run({ id: codebook.id, name: codebook.name, preset: codebook.preset ?? null, version: codebook.version, now });
  prepared(db, 'INSERT INTO codebook_versions (codebook_id, version, json, created_at, coder_id) VALUES (?, ?, ?, ?, ?)').run(
    codebook.id,
    codebook.version,
    JSON.stringify(codebook),
    now,
    coderId,
  );
}

export function listCodebooks(db: Db): { id: string; name: string; currentVersion: number }[] {
  return prepared<[], { id: string; name: string; currentVersion: number }>(db, 'SELECT id, name, current_version AS currentVersion FROM codebooks ORDER BY created_at').all();
}
