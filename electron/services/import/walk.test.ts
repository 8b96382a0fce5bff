import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walk } from './walk';

let dir: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-walk-')));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (rel: string, text = 'An article.') => {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};
const opts = { maxFileBytes: 1 << 20 };

describe('walk', () => {
  it('lists files in name order, depth first, folders between files where their names fall', async () => {
    // More files than are looked at in one go, with folders among them, so the order of the
    // answers (which come back in any order) cannot pass for the order of the names by chance.
    const expected: string[] = [];
    for (let i = 0; i < 150; i++) {
      const name = `f${String(i).padStart(3, '0')}`;
      expected.push(write(`root/${name}.txt`));
      if (i % 40 === 7) for (let j = 0; j < 70; j++) expected.push(write(`root/${name}.zdir/g${String(j).padStart(2, '0')}.md`));
    }
    const { candidates, skipped } = await walk([path.join(dir, 'root')], opts);
    expect(skipped).toEqual([]);
    expect(candidates.map((c) => c.path)).toEqual(expected);
    expect(candidates[0]).toMatchObject({ realPath: expected[0], sizeBytes: 11 });
    expect(Math.abs(candidates[0].mtimeMs - fs.statSync(expected[0]).mtimeMs)).toBeLessThan(1);
  });

  it('reaches files through a linked root by their real place, and keeps links inside the folder', async () => {
    const a = write('root/a.txt');
    write('root/.hidden/h.txt');
    write('root/Thumbs.db');
    write('root/z/program.exe');
    const outside = write('elsewhere/o.txt');
    fs.symlinkSync(a, path.join(dir, 'root/b-link.txt'));
    fs.symlinkSync(outside, path.join(dir, 'root/c-out.txt'));
    fs.symlinkSync(path.join(dir, 'nothing.txt'), path.join(dir, 'root/d-broken.txt'));
    fs.symlinkSync(path.join(dir, 'root'), path.join(dir, 'root-link'));
    // A link back to the folder itself (a loop) is inside it, and its files are reached directly.
    fs.symlinkSync(path.join(dir, 'root'), path.join(dir, 'root/z/loop'));
    const { candidates, skipped } = await walk([path.join(dir, 'root-link')], opts);
    // The link to a.txt names the same bytes as a.txt: listed once.
    expect(candidates).toEqual([{ path: path.join(dir, 'root-link/a.txt'), realPath: a, sizeBytes: 11, mtimeMs: expect.any(Number) }]);
    expect(skipped.map((s) => [path.relative(dir, s.path), s.code])).toEqual([
      ['root-link/c-out.txt', 'symlink-outside'],
      ['root-link/d-broken.txt', 'broken-link'],
      ['root-link/z/program.exe', 'unsupported'],
    ]);
  });

  it('takes single files, and says which paths do not exist', async () => {
    const a = write('a.txt');
    const big = write('big.txt', 'x'.repeat(2048));
    const { candidates, skipped } = await walk([a, path.join(dir, 'missing.txt'), big], { maxFileBytes: 1024 });
    expect(candidates.map((c) => c.path)).toEqual([a]);
    expect(skipped.map((s) => s.code)).toEqual(['not-found', 'too-large']);
  });

  it('stops listing once cancelled', async () => {
    for (let i = 0; i < 20; i++) write(`root/${i}/a.txt`);
    const controller = new AbortController();
    controller.abort();
    const { candidates } = await walk([path.join(dir, 'root')], { ...opts, signal: controller.signal });
    expect(candidates).toEqual([]);
  });
});
