#!/usr/bin/env node
// The `liaison` command. It runs the bundle that `npm run build` writes to dist/cli.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  process.stderr.write(`liaison: Node ${process.versions.node} is too old; Liaison needs Node 22.14 or newer (Node 24 LTS recommended).\n`);
  process.exit(1);
}
const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'cli.js');
if (!existsSync(entry)) {
  process.stderr.write('liaison: not built yet. Run `npm run build` in the Liaison folder first.\n');
  process.exit(1);
}
await import(entry);
