import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/ runs in the renderer and in main: its modules (tests aside) may use neither Node,
// Electron nor the DOM.
const FOLDERS = ['shared/actors', 'shared/dates'];
const FORBIDDEN = [/from ['"]node:/, /from ['"](?:fs|path|os|electron)['"]/, /\brequire\(/, /\b(?:document|window|process)\./];

describe('shared/actors and shared/dates stay pure', () => {
  for (const folder of FOLDERS) {
    const dir = path.resolve(__dirname, '..', '..', folder);
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    it(`${folder} has modules, none importing Node, Electron or the DOM`, () => {
      expect(modules.length).toBeGreaterThan(0);
      for (const file of modules) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        for (const pattern of FORBIDDEN) expect(source, `${folder}/${file}`).not.toMatch(pattern);
      }
    });
  }
});
