import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real `liaison` command (built by the test setup) on real files. */
const bin = path.resolve(import.meta.dirname, '../../bin/liaison.js');
const seedDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/seed-articles');
let dir: string;
let project: string;

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LIAISON_USER_DATA: path.join(dir, 'ud') } });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-'));
  project = path.join(dir, 'p.liaison');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('liaison command', () => {
  it('imports a folder into a new project and prints the JSON summary', () => {
    const r = run('import', seedDir, '--project', project, '--json');
    expect(r.status).toBe(0);
    // Progress on stderr (not a terminal here: plain lines); the scan has no count to give yet.
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([`liaison: created the new project ${project}`, 'scanning the folders…']);
    expect(r.stderr).toMatch(/^done: 5\/5 files/m);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ imported: 5, unchanged: 0, duplicates: { exact: 0, near: 0 }, skipped: [], failed: [] });
    expect(typeof summary.elapsedMs).toBe('number');
    const again = JSON.parse(run('import', seedDir, '--project', project, '--json').stdout);
    expect(again).toMatchObject({ imported: 0, unchanged: 5 });
  });

  it('lists documents as JSON lines and searches with snippets', () => {
    const lines = run('documents', '--project', project, '--json').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0]).sort()).toEqual(
      ['boilerplateRanges', 'duplicateGroup', 'encoding', 'format', 'id', 'isPrimary', 'language', 'outlet', 'path', 'place', 'publishedAt', 'sha256', 'title', 'url', 'words'].sort(),
    );
    // On a terminal: a title line and an indented one-line snippet per hit, then the count.
    const plain = run('search', 'security', '--project', project).stdout.split('\n');
    expect(plain.at(-2)).toBe('5 documents match');
    const hitLines = plain.slice(0, -2);
    expect(hitLines).toHaveLength(10);
    for (let i = 0; i < hitLines.length; i += 2) {
      expect(hitLines[i]).toMatch(/^\S/);
      expect(hitLines[i + 1]).toMatch(/^ {2}\S.*\[security\]/i);
      expect(hitLines[i + 1].trimStart()).not.toMatch(/\s{2,}/);
    }
    expect(run('search', 'Goffus', '--project', project).stdout.trimEnd().split('\n').at(-1)).toBe('1 document matches');
    const hits = JSON.parse(run('search', 'al-Araji', '--project', project, '--json').stdout);
    expect(hits.total).toBe(2);
    expect(hits.hits[0].snippet).toMatch(/\[al-Araji\]|\[Araji\]/i);
  });

  it('exits 1 on usage errors and bad queries, 2 when the project cannot be opened', () => {
    expect(run('import', '--project', project).status).toBe(1);
    expect(run('frobnicate').status).toBe(1);
    expect(run('search', '"unclosed', '--project', project, '--json').status).toBe(1);
    expect(run('documents', '--project', path.join(dir, 'missing.liaison'), '--json').status).toBe(2);
    fs.writeFileSync(path.join(dir, 'junk.liaison'), 'not a database at all, just text');
    const r = run('documents', '--project', path.join(dir, 'junk.liaison'), '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a Liaison project');
    // An encoding nobody knows, or nothing at all at the paths given: a usage error before any
    // file is read, and no project is created for it.
    const fresh = path.join(dir, 'fresh.liaison');
    const klingon = run('import', seedDir, '--project', fresh, '--encoding', 'klingon');
    expect(klingon.status).toBe(1);
    expect(klingon.stderr).toContain('"klingon" is not an encoding Liaison knows');
    const typo = run('import', path.join(dir, 'no-such-folder'), '--project', fresh);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain(`there is no file or folder at ${path.join(dir, 'no-such-folder')}`);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('prints each command’s usage for --help', () => {
    for (const [command, form] of [
      ['import', 'import PATH... --project FILE'],
      ['documents', 'documents --project FILE --json'],
      ['search', 'search QUERY --project FILE'],
      ['verify', 'verify --project FILE'],
      ['export', 'export graph --project FILE'],
    ]) {
      const r = run(command, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(form);
      expect(r.stdout).not.toContain('serve');
    }
    expect(run('export', '--help').stdout).toContain('FILTERS: --from DATE');
  });

  it('verify passes on an intact project and reports an edited audit row', () => {
    const intact = run('verify', '--project', project);
    expect(intact.status).toBe(0);
    // Two imports (the second found everything unchanged), one entry each.
    expect(intact.stdout).toContain('Audit log: 2 entries, chain intact');
    expect(intact.stdout).toContain('Evidence: 0 spans, all match their text');
    const db = new Database(project);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec("UPDATE audit_log SET action = 'forged' WHERE seq = (SELECT min(seq) FROM audit_log)");
    db.close();
    const r = run('verify', '--project', project, '--json');
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).chainBreaks.length).toBeGreaterThan(0);
  });

  it('serve with a project that does not exist says so, and how to start one (exit 2)', () => {
    const r = run('serve', '--project', path.join(dir, 'missing.liaison'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/missing\.liaison does not exist/);
    expect(r.stderr).toContain('liaison import FOLDER --project FILE');
  });

  it('serve prints exactly one LIAISON_URL line', async () => {
    // Read stdout until the server has started (however loaded the machine is), then stop it.
    const child = spawn(process.execPath, [bin, 'serve', '--project', project], { env: { ...process.env, LIAISON_USER_DATA: path.join(dir, 'ud') }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed no URL within 60 s: ${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    // Anything else printed in the next half second would be a second line.
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGTERM');
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out.trim()).toMatch(/^LIAISON_URL=http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/);
  }, 70_000);
});
