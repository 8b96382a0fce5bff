import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/review runs in the renderer (review view) and in main (CSV export): its modules, tests
// aside, may use neither Node, Electron nor the DOM.
const FORBIDDEN = [/from ['"]node:/, /from ['"](?:fs|path|os|electron)['"]/, /\brequire\(/, /\b(?:document|window|process)\./];

describe('shared/review stays pure', () => {
  it('imports neither Node, Electron nor the DOM outside tests', () => {
    const modules = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(modules).toEqual(expect.arrayContaining(['agreement.ts', 'assignment.ts', 'csv.ts', 'match.ts', 'stats.ts']));
    for (const file of modules) {
      const source = readFileSync(path.join(import.meta.dirname, file), 'utf8');
      for (const pattern of FORBIDDEN) expect(source, file).not.toMatch(pattern);
    }
  });
});
