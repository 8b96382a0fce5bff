/**
 * Two machines of one team, as tests need them: the main project is created, the real seed
 * articles are imported and the codebook adopted, then the file is copied (which is how a team
 * shares a project: a bundle must come from the same project, and two separately created
 * projects have different ids). The copy gets its own coder, Bea.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EngagementInput } from '../../../shared/contract-coding';
import type { Engagement } from '../../../shared/model/engagement';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/model/library';
import { createProject, openProject, type Store } from '../../store/open';
import { toInput } from '../../store/repos/engagements';
import * as coders from '../coders';
import * as actors from '../coding/actors';
import * as codebooks from '../coding/codebooks';
import * as engagements from '../coding/engagements';
import type { AppContext } from '../context';
import { runImport } from '../import/import-service';

export const seedDir = path.resolve(import.meta.dirname, '../../../../shared/fixtures/seed-articles');

export interface Machine {
  store: Store;
  ctx: AppContext;
  coderId: string;
}

export function contextFor(store: Store, dir: string): AppContext {
  return { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
}

export function machine(store: Store, dir: string): Machine {
  const ctx = contextFor(store, dir);
  return { store, ctx, coderId: coders.currentCoderId(ctx) };
}

/** A project with the seed articles imported and its codebook adopted; closed, so it can be copied. */
export async function seededProjectFile(file: string, name = 'Shared study'): Promise<void> {
  const store = createProject(file, name);
  const ctx = contextFor(store, path.dirname(file));
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coders.currentCoderId(ctx), { workers: 1 });
  codebooks.activeCodebook(ctx);
  store.close();
}

export async function twoMachines(dir: string): Promise<{ main: Machine; copy: Machine }> {
  const mainFile = path.join(dir, 'main.liaison');
  const copyFile = path.join(dir, 'copy.liaison');
  await seededProjectFile(mainFile);
  fs.copyFileSync(mainFile, copyFile);
  const main = machine(openProject(mainFile), dir);
  const copyStore = openProject(copyFile);
  const copyCtx = contextFor(copyStore, dir);
  const bea = coders.create(copyCtx, { name: 'Bea Coder' });
  coders.setCurrent(copyCtx, { id: bea.id });
  return { main, copy: { store: copyStore, ctx: copyCtx, coderId: bea.id } };
}

function doc(m: Machine, prefix: string): { id: string; text: string } {
  return m.store.db.prepare('SELECT id, text FROM documents WHERE path LIKE ?').get(`%${prefix}%`) as { id: string; text: string };
}

export function person(m: Machine, name: string, countryCode: string | null = null): string {
  return actors.save(m.ctx, { actor: { kind: 'person', name, aliases: [], countryCode, roles: [], notes: '' } }).actor.id;
}

export function country(m: Machine, code: string): string {
  return actors.country(m.ctx, { countryCode: code }).id;
}

/** The Somali-Iraqi meeting of seed article 000, coded through the real service. */
export function codeMeeting(m: Machine, araji: string): Engagement {
  const d = doc(m, '000_');
  const quote = 'met with';
  const start = d.text.indexOf(quote);
  const input: EngagementInput = {
    type: 'CONSULT',
    mode: 'visit',
    date: { value: null, precision: 'unknown', inferred: false },
    place: 'Baghdad',
    countryCode: 'IRQ',
    participants: [
      { actorId: person(m, 'Hussein Moallim', 'SOM'), role: 'visitor', title: 'National Security Adviser', sideId: country(m, 'SOM') },
      { actorId: araji, role: 'host', title: 'National Security Adviser', sideId: country(m, 'IRQ') },
    ],
    topics: ['counter-terrorism'],
    outcomes: [],
    notes: '',
    confidence: 'high',
    status: 'coded',
    sources: [{ documentId: d.id, primary: true }],
    evidence: [{ documentId: d.id, field: 'type', start, end: start + quote.length, quote }],
  };
  return engagements.saveEngagement(m.ctx, input).engagement;
}

/** Change the notes of an engagement through the real service (one edit, one audit entry). */
export function editNotes(m: Machine, id: string, notes: string): Engagement {
  const current = engagements.get(m.ctx, { id });
  return engagements.saveEngagement(m.ctx, { ...toInput(current), notes }).engagement;
}
