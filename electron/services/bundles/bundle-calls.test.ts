import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleConflict, BundleReport, BundleSummary } from '../../../shared/contract-bundles';
import type { Envelope } from '../../../shared/errors';
import { dispatch, serviceHandlers } from '../router';
import { codeMeeting, editNotes, type Machine, person, twoMachines } from './two-machines.fixture';

/** The bundle calls through the same dispatch the app and the host use (schemas included). */
let dir: string;
let main: Machine;
let copy: Machine;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bundle-calls-'));
  ({ main, copy } = await twoMachines(dir));
});
afterEach(() => {
  main.store.close();
  copy.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(m: Machine, name: string, input: unknown): Promise<T> {
  const result = (await dispatch(m.ctx, serviceHandlers, name, input)) as Envelope<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('bundle calls', () => {
  it('export, inspect, import, list conflicts and resolve one', async () => {
    const id = codeMeeting(copy, person(copy, 'Qasim al-Araji', 'IRQ')).id;
    const first = await call<{ fileName: string; base64: string; summary: BundleSummary }>(copy, 'bundles.export', { coderId: copy.coderId });
    expect(first.fileName).toMatch(/^shared-study-BC-\d{4}-\d{2}-\d{2}T[\d-]+\.liaison-bundle$/);
    expect(first.summary.counts.engagements).toBe(1);
    const inspected = await call<BundleSummary & { sameProject: boolean }>(main, 'bundles.inspect', { base64: first.base64 });
    expect(inspected).toMatchObject({ sameProject: true, exportedBy: { id: copy.coderId, name: 'Bea Coder' } });
    expect((await call<BundleReport>(main, 'bundles.import', { base64: first.base64 })).added.engagements).toBe(1);

    editNotes(main, id, 'main');
    editNotes(copy, id, 'copy');
    const since = new Date(Date.now() - 60_000).toISOString();
    const second = await call<{ base64: string }>(copy, 'bundles.export', { since });
    const report = await call<BundleReport>(main, 'bundles.import', { base64: second.base64 });
    expect(report.conflicts).toHaveLength(1);
    const open = await call<BundleConflict[]>(main, 'bundles.conflicts', {});
    expect(open.map((c) => c.id)).toEqual([report.conflicts[0].id]);
    const resolved = await call<BundleConflict>(main, 'bundles.resolve', { id: open[0].id, take: 'local' });
    expect(resolved.resolution).toBe('local');
    expect(await call<BundleConflict[]>(main, 'bundles.conflicts', {})).toEqual([]);
    expect(await call<BundleConflict[]>(main, 'bundles.conflicts', { status: 'all' })).toHaveLength(1);
  });

  it('answers a refused bundle and bad input as errors with a reason', async () => {
    const bad = await dispatch(main.ctx, serviceHandlers, 'bundles.import', { base64: Buffer.from('not a zip').toString('base64') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!bad.ok && bad.error.message).toMatch(/^The bundle was refused: it is not a readable bundle file/);
    const since = await dispatch(main.ctx, serviceHandlers, 'bundles.export', { since: 'yesterday' });
    expect(since).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const take = await dispatch(main.ctx, serviceHandlers, 'bundles.resolve', { id: 'x', take: 'both' });
    expect(take).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
