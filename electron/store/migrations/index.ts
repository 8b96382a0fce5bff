import type { Database } from 'better-sqlite3';
import foundation from './0001-foundation';
import documents from './0002-documents';
import library from './0003-library';
import coding from './0004-coding';
import bundles from './0005-bundles';
import review from './0006-review';
import librarySorts from './0007-library-sorts';
import minhashV2 from './0008-minhash-v2';

/** Applied in order; the schema version of a file is the number of migrations it has had. */
export const migrations: ReadonlyArray<{ name: string; up: (db: Database) => void }> = [
  { name: '0001-foundation', up: foundation },
  { name: '0002-documents', up: documents },
  { name: '0003-library', up: library },
  { name: '0004-coding', up: coding },
  { name: '0005-bundles', up: bundles },
  { name: '0006-review', up: review },
  { name: '0007-library-sorts', up: librarySorts },
  { name: '0008-minhash-v2', up: minhashV2 },
];

export const SCHEMA_VERSION = migrations.length;
