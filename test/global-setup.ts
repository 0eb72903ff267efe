import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Tests that spawn the CLI run dist/: build it from the current sources before any test runs, so every
 * way of running the suite (npm test, npx vitest, an editor) tests the code as it is now. Type errors
 * do not stop the emit (`npm run typecheck` reports them); the tests then run what was written.
 */
export default function buildOnce(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (build.error !== undefined) throw build.error;
  if (build.status !== 0) process.stderr.write(`NOTICE: the build reported type errors (run npm run typecheck):\n${build.stdout}`);
  const shared = fileURLToPath(new URL('../../shared/airbyte-protocol/airbyte_protocol.yaml', import.meta.url));
  if (!existsSync(shared) && process.env['CI'] === undefined) {
    process.stderr.write(
      `NOTICE: ${shared} is absent: messages are not validated against the official Airbyte protocol, and the real-payload tests are skipped.\n`,
    );
  }
}
