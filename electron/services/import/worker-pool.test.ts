import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from './worker-pool';

const seed = path.resolve(import.meta.dirname, '../../../../shared/fixtures/seed-articles');

describe('the parsing threads', () => {
  it('parse real files with a small young generation each', async () => {
    const pool = new WorkerPool(2);
    try {
      expect(pool.limits.map((l) => l?.maxYoungGenerationSizeMb)).toEqual([12, 12]);
      const file = path.join(seed, fs.readdirSync(seed).sort()[3]);
      const result = await pool.run({ path: file, realPath: file, knownSha: [] });
      expect(result.kind).toBe('parsed');
      if (result.kind === 'parsed') expect(result.articles[0].parsed.title?.value).toBe("Iraq's national security advisor receives an invitation to visit Brussels for NATO talks");
    } finally {
      await pool.close();
    }
  });
});
