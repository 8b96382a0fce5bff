import { execFileSync } from 'node:child_process';

/** Workers and the CLI run from dist/: build the node bundles once before the tests use them. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
}
