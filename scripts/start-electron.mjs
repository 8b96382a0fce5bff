// `npm start` after the build: launch the desktop app, or say exactly how to get Electron.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const platformBinary = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ?? 'electron';

function findBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = path.join(override, platformBinary);
    return fs.existsSync(bin) ? bin : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but ${bin} does not exist.` };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  if (fs.existsSync(pathFile)) {
    const bin = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    if (fs.existsSync(bin)) return bin;
  }
  return { missing: 'The Electron binary is not installed (the electron package no longer downloads it at install time).' };
}

const found = findBinary();
if (typeof found !== 'string') {
  process.stderr.write(`liaison: cannot start the desktop app. ${found.missing}
  - On a connected machine: run \`npx install-electron\` once in this folder, then \`npm start\`.
  - Offline: set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron build.
  - Or use browser mode, which needs no Electron: \`npx liaison serve --project FILE\`.
`);
  process.exit(1);
}
const child = spawn(found, [path.join(root, 'dist', 'main', 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
