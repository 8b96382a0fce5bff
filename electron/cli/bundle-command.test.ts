import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeMeeting, person, seededProjectFile, twoMachines } from '../services/bundles/two-machines.fixture';
import { addComment } from '../services/review';
import { openProject } from '../store/open';

/** The real `liaison bundle` command (built by the test setup) on real project files. */
const bin = path.resolve(import.meta.dirname, '../../bin/liaison.js');
let dir: string;
let mainFile: string;
let copyFile: string;
let beaId: string;
let engagementId: string;

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LIAISON_USER_DATA: path.join(dir, 'ud') } });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-bundle-'));
  const { main, copy } = await twoMachines(dir);
  mainFile = main.store.path;
  copyFile = copy.store.path;
  beaId = copy.coderId;
  engagementId = codeMeeting(copy, person(copy, 'Qasim al-Araji', 'IRQ')).id;
  addComment(copy.ctx, { entity: 'engagement', entityId: engagementId, parentId: null, body: 'Date from the second paragraph.' });
  // The command takes the projects' locks: the test lets go of them first.
  main.store.close();
  copy.store.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('liaison bundle', () => {
  it('exports a coder’s work from the copy and imports it into the main project, then skips it the second time', () => {
    const file = path.join(dir, 'bea.liaison-bundle');
    const out = run('bundle', 'export', '--project', copyFile, '--out', file, '--coder', beaId);
    expect(out.status).toBe(0);
    expect(out.stderr).toContain('Bea Coder: 1 engagement, 4 actors, 1 comment, ');
    expect(fs.statSync(file).size).toBeGreaterThan(100);

    const first = run('bundle', 'import', file, '--project', mainFile, '--json');
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.added).toMatchObject({ engagements: 1, coders: 1, comments: 1 });
    expect(report.conflicts).toEqual([]);
    const store = openProject(mainFile, { readOnly: true });
    try {
      expect(store.db.prepare('SELECT coder_id FROM engagements WHERE id = ?').get(engagementId)).toEqual({ coder_id: beaId });
    } finally {
      store.close();
    }

    const second = run('bundle', 'import', file, '--project', mainFile);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('added 0 engagements');
    expect(second.stdout).toContain('skipped 1 engagement, 4 actors, 1 comment,');
    expect(second.stdout).toContain('0 conflicts to review');
  });

  it('exits 4 with the reason on stderr for an altered bundle and for one from another project', async () => {
    const file = path.join(dir, 'all.liaison-bundle');
    expect(run('bundle', 'export', '--project', copyFile, '--out', file).status).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const actors = (await zip.file('actors.json')?.async('string')) ?? '';
    zip.file('actors.json', actors.replace('Qasim', 'Kasim'));
    const altered = path.join(dir, 'altered.liaison-bundle');
    fs.writeFileSync(altered, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = run('bundle', 'import', altered, '--project', mainFile);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('the part actors.json was changed after the bundle was made');

    const otherFile = path.join(dir, 'other.liaison');
    await seededProjectFile(otherFile, 'Another study');
    const fromOther = path.join(dir, 'other.liaison-bundle');
    expect(run('bundle', 'export', '--project', otherFile, '--out', fromOther).status).toBe(0);
    const other = run('bundle', 'import', fromOther, '--project', mainFile);
    expect(other.status).toBe(4);
    expect(other.stderr).toMatch(/comes from the project "Another study".*not from this one/);
  });

  it('exits 1 on usage errors and 2 when the project cannot be opened', () => {
    expect(run('bundle').status).toBe(1);
    expect(run('bundle', 'frobnicate').status).toBe(1);
    expect(run('bundle', 'export', '--project', copyFile).status).toBe(1);
    expect(run('bundle', 'export', '--project', copyFile, '--out', path.join(dir, 'x'), '--coder', 'nobody').status).toBe(1);
    expect(run('bundle', 'import', '--project', mainFile).status).toBe(1);
    expect(run('bundle', 'import', path.join(dir, 'missing.liaison-bundle'), '--project', mainFile).status).toBe(1);
    const file = path.join(dir, 'all.liaison-bundle');
    const missing = run('bundle', 'import', file, '--project', path.join(dir, 'missing.liaison'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });
});
