import type { Database } from 'better-sqlite3';
import foundation from './0001-foundation';
import documents from './0002-documents';

/** Applied in order; the schema version of a file is the number of migrations it has had. */
export const migrations: ReadonlyArray<{ name: string; up: (db: Database) => void }> = [
  { name: '0001-foundation', up: foundation },
  { name: '0002-documents', up: documents },
];

export const SCHEMA_VERSION = migrations.length;
