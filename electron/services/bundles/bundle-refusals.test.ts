import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject } from '../../store/open';
import { setMeta } from '../../store/repos/coders';
import { getEngagement } from '../../store/repos/engagements';
import { verifyProject } from '../verify';
import { BundleRefused, type RefusalReason } from './container';
import { exportBundle } from './export';
import { importBundle, inspectBundle } from './import';
import { codeMeeting, type Machine, machine, person, seededProjectFile, twoMachines } from './two-machines.fixture';

let dir: string;
let main: Machine;
let copy: Machine;
let bundle: Buffer;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bundle-refusals-'));
  ({ main, copy } = await twoMachines(dir));
  codeMeeting(copy, person(copy, 'Qasim al-Araji', 'IRQ'));
  bundle = await exportBundle(copy.store.db, { coderId: copy.coderId });
});
afterEach(() => {
  main.store.close();
  copy.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Rewrite the bundle's zip with one file changed (the manifest left as it was, unless named). */
async function rezip(bytes: Buffer, change: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function refusal(bytes: Uint8Array, into: Machine = main): Promise<BundleRefused> {
  const rows = () => into.store.db.prepare('SELECT (SELECT count(*) FROM engagements) + (SELECT count(*) FROM actors) + (SELECT count(*) FROM audit_log) AS n').get();
  const before = rows();
  const err = await importBundle(into.store.db, bytes, { coderId: into.coderId }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BundleRefused);
  // A refused bundle changes nothing at all.
  expect(rows()).toEqual(before);
  return err as BundleRefused;
}

const expectReason = (err: BundleRefused, reason: RefusalReason, part?: string) => {
  expect(err.reason).toBe(reason);
  if (part) expect(err.part).toBe(part);
};

describe('bundles that are refused, with the reason', () => {
  it('a part with one byte changed after export, naming the part', async () => {
    const altered = await rezip(bundle, async (zip) => {
      const text = await zip.file('engagements.json')?.async('string');
      zip.file('engagements.json', (text ?? '').replace('"Baghdad"', '"Baghdat"'));
    });
    const err = await refusal(altered);
    expectReason(err, 'altered', 'engagements.json');
    expect(err.message).toContain('the part engagements.json was changed after the bundle was made');
    await expect(inspectBundle(altered)).rejects.toThrow(/engagements\.json was changed/);
  });

  it('a byte flipped in the file itself (damaged in transit)', async () => {
    const damaged = Buffer.from(bundle);
    damaged[Math.floor(damaged.length / 3)] ^= 0xff;
    const err = await refusal(damaged);
    expect(['damaged', 'altered']).toContain(err.reason);
  });

  it('a file that is not a zip, and a bundle with a part missing', async () => {
    expectReason(await refusal(Buffer.from('just some text, not a bundle')), 'damaged');
    const partial = await rezip(bundle, async (zip) => {
      zip.remove('actors.json');
    });
    const missing = await refusal(partial);
    expectReason(missing, 'damaged', 'actors.json');
    expect(missing.message).toContain('the part actors.json is missing');
  });

  it('an unknown format version', async () => {
    const newer = await rezip(bundle, async (zip) => {
      const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
      zip.file('manifest.json', JSON.stringify({ ...manifest, formatVersion: 3 }));
    });
    const err = await refusal(newer);
    expectReason(err, 'unknown-format', 'manifest.json');
    expect(err.message).toContain('format version 3; this Liaison reads versions 1 and 2. Update Liaison');
  });

  it('a bundle from another project, even with the same articles', async () => {
    const otherFile = path.join(dir, 'other.liaison');
    await seededProjectFile(otherFile, 'Another study');
    const other = machine(openProject(otherFile), dir);
    try {
      codeMeeting(other, person(other, 'Qasim al-Araji', 'IRQ'));
      const err = await refusal(await exportBundle(other.store.db));
      expectReason(err, 'other-project', 'manifest.json');
      expect(err.message).toContain('Another study');
    } finally {
      other.store.close();
    }
  });

  it('a bundle naming articles this project does not have', async () => {
    // As if this machine had a different version of the article's file.
    main.store.db.exec("UPDATE documents SET sha256 = 'f' || substr(sha256, 2) WHERE path LIKE '%000_%'");
    const err = await refusal(bundle);
    expectReason(err, 'missing-documents', 'documents.json');
    expect(err.message).toMatch(/Import the same articles here first/);
  });
});

describe('documents are matched by content, not by id', () => {
  it('remaps a bundle onto articles imported separately (other document ids)', async () => {
    // A teammate who imported the same files on their own machine: same project id, new document ids.
    const otherFile = path.join(dir, 'separate.liaison');
    await seededProjectFile(otherFile, 'Shared study');
    const separate = machine(openProject(otherFile), dir);
    try {
      setMeta(separate.store.db, 'project_id', main.store.info().id);
      const e = codeMeeting(separate, person(separate, 'Qasim al-Araji', 'IRQ'));
      const theirDoc = e.sources[0].documentId;
      const ourDoc = (main.store.db.prepare("SELECT id FROM documents WHERE path LIKE '%000_%'").get() as { id: string }).id;
      expect(ourDoc).not.toBe(theirDoc);

      const report = await importBundle(main.store.db, await exportBundle(separate.store.db), { coderId: main.coderId });

      expect(report.added.engagements).toBe(1);
      const imported = getEngagement(main.store.db, e.id);
      expect(imported?.sources).toEqual([{ documentId: ourDoc, primary: true }]);
      expect(imported?.evidence.map((x) => x.documentId)).toEqual([ourDoc]);
      expect(verifyProject(main.store.db).ok).toBe(true);
      // The separately adopted codebook came along (other id), so the record reads as coded.
      expect(report.added.codebooks).toBe(1);
    } finally {
      separate.store.close();
    }
  });
});
