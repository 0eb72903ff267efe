import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../src/cli.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { PelotonSimulator } from './server.js';

/**
 * The fixed data integration_tests/ is written against (see acceptance-test-config.yml): twelve workouts in which
 * every stream has records (an outdoor walk with GPS, a 5-minute row, a strength class with tracked sets).
 */
export const ACCEPTANCE_DATA = { workouts: 12, seed: 83, newestAt: 1_793_491_200 } as const;

export const INTEGRATION_TESTS = join(PACKAGE_ROOT, 'integration_tests');

export function startAcceptanceSimulator(): Promise<PelotonSimulator> {
  // Acceptance suites log in on every command: the login-burst limit would only get in the way here.
  return PelotonSimulator.start({ ...ACCEPTANCE_DATA, recordRequests: true, loginsPerMinute: 1_000 });
}

/** An integration_tests config file, pointed at a running simulator instead of its default port. */
export function fixtureConfig(file: string, simulatorUrl: string): Record<string, unknown> {
  const config = JSON.parse(readFileSync(join(INTEGRATION_TESTS, file), 'utf8')) as Record<string, unknown>;
  return { ...config, api_base_url: simulatorUrl, auth_base_url: simulatorUrl };
}

/** Runs the connector in-process and returns its stdout lines, parsed. */
export async function runConnector(argv: string[]): Promise<{ exitCode: number; messages: Array<Record<string, any>> }> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exitCode = await run(argv, { stdout, stderr: new PassThrough() });
  return {
    exitCode,
    messages: text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>),
  };
}
