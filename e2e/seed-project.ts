import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as actors from '../electron/services/coding/actors';
import * as engagements from '../electron/services/coding/engagements';
import { codeSeedArticles } from '../electron/services/coding/seed-coding.fixture';
import type { AppContext } from '../electron/services/context';
import { runImport } from '../electron/services/import/import-service';
import { createProject } from '../electron/store/open';
import { DEFAULT_IMPORT_OPTIONS } from '../shared/model/library';
import { expect, seedDir } from './fixtures';

const cli = path.resolve(import.meta.dirname, '..', 'bin', 'liaison.js');

/**
 * A project holding the articles of `folder` (the five seed articles by default), made with the
 * CLI; returns its path and each file's document id.
 */
export function seedProject(dir: string, opts: { folder?: string; expect?: number } = {}): { file: string; idOf: (name: string) => string } {
  const file = path.join(dir, 'seed.liaison');
  const env = { ...process.env, LIAISON_USER_DATA: path.join(dir, 'user-data') };
  const summary = JSON.parse(execFileSync(process.execPath, [cli, 'import', opts.folder ?? seedDir, '--project', file, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { imported: number };
  expect(summary.imported).toBe(opts.expect ?? 5);
  const docs = execFileSync(process.execPath, [cli, 'documents', '--project', file, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; path: string });
  return {
    file,
    idOf: (name) => {
      const d = docs.find((x) => x.path.endsWith(name));
      if (!d) throw new Error(`no document for ${name}`);
      return d.id;
    },
  };
}

/** A project with the seed articles imported and coded through the real services (six engagements). */
export async function codedProject(dir: string, name = 'coded.liaison'): Promise<string> {
  const file = path.join(dir, name);
  const store = createProject(file);
  const ctx: AppContext = { mode: 'browser', version: 'e2e', userDataDir: dir, store, emit: () => {} };
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  codeSeedArticles(ctx, store.db);
  store.close();
  return file;
}

/**
 * A project whose actors level is a large graph: the seed articles plus `people` persons linked by
 * engagements (each to an earlier one, most often to the first few, and some more pairs), all coded
 * through the real services with evidence quoted from a seed article. Deterministic.
 */
export async function largeCodedProject(dir: string, people: number): Promise<string> {
  const file = path.join(dir, 'large.liaison');
  const store = createProject(file);
  const ctx: AppContext = { mode: 'browser', version: 'e2e', userDataDir: dir, store, emit: () => {} };
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  const doc = store.db.prepare("SELECT id, text FROM documents WHERE path LIKE '%000_%'").get() as { id: string; text: string };
  const quote = 'met with';
  const start = doc.text.indexOf(quote);
  const codes = ['IRQ', 'SOM', 'IRN', 'USA', 'TUR', 'JOR'];
  const sides = codes.map((countryCode) => actors.country(ctx, { countryCode }).id);
  const ids = Array.from({ length: people }, (_, i) => actors.save(ctx, { actor: { kind: 'person', name: `Official ${i}`, aliases: [], countryCode: codes[i % codes.length], roles: [], notes: '' } }).actor.id);
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pairs: [number, number][] = [];
  for (let i = 1; i < people; i++) pairs.push([i, Math.floor(rnd() ** 2 * i)]);
  for (let k = 0; k < people / 2; k++) pairs.push([Math.floor(rnd() * people), Math.floor(rnd() * people)]);
  store.db.transaction(() => {
    for (const [a, b] of pairs) {
      if (a === b) continue;
      engagements.saveEngagement(ctx, {
        type: 'CONSULT', mode: 'visit', date: { value: null, precision: 'unknown', inferred: false }, place: null, countryCode: null, status: 'coded', topics: [], outcomes: [], notes: '', confidence: 'high',
        participants: [
          { actorId: ids[a], role: 'visitor', sideId: sides[a % codes.length], title: null },
          { actorId: ids[b], role: 'host', sideId: sides[b % codes.length], title: null },
        ],
        sources: [{ documentId: doc.id, primary: true }],
        evidence: [{ documentId: doc.id, field: 'type', start, end: start + quote.length, quote }],
      });
    }
  })();
  store.close();
  return file;
}
