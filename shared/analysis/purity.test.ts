import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/analysis runs in the renderer (graph, table, timeline) and in main (exports, CLI): its
// modules (tests aside) may use neither Node, Electron nor the DOM.
const FORBIDDEN = [/from ['"]node:/, /from ['"](?:fs|path|os|electron|exceljs)['"]/, /\brequire\(/, /\b(?:document|window|process|Buffer)\./];

describe('shared/analysis stays pure', () => {
  const dir = path.resolve(__dirname);
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  it('has modules, none importing Node, Electron or the DOM', () => {
    expect(modules.length).toBeGreaterThan(8);
    for (const file of modules) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const pattern of FORBIDDEN) expect(source, file).not.toMatch(pattern);
    }
  });
});
