// `npm test`: build, typecheck, lint, unit/integration (Vitest), e2e (Playwright), then one closing
// line "N passed, N failed" over both test runners, so CI can read the result.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-test-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (label, cmd, args, env = {}) => {
  process.stderr.write(`\n== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

const steps = [
  ['build', process.execPath, ['scripts/build.mjs']],
  ['typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', npx, ['biome', 'lint', '.']],
];
for (const [label, cmd, args] of steps) {
  if (run(label, cmd, args) !== 0) {
    process.stderr.write(`\n${label} failed\n`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const vitestJson = path.join(out, 'vitest.json');
const unitStatus = run('unit and integration', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const pwJson = path.join(out, 'playwright.json');
const e2eStatus = run('e2e', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} catch {
  failed += 1;
}
try {
  const p = JSON.parse(fs.readFileSync(pwJson, 'utf8'));
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  skipped += p.stats.skipped;
} catch {
  failed += 1;
}
if (unitStatus !== 0 || e2eStatus !== 0) failed = Math.max(failed, 1);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
