import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDistance, unknownFieldWarnings } from '../src/config/unknown-fields.js';
import { catalog, readArgs, runCli, runRaw, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

type Schema = { properties: Record<string, Schema & { const?: string }>; oneOf?: Schema[] };
const spec = JSON.parse(readFileSync(new URL('../schemas/spec.json', import.meta.url), 'utf8')) as Schema;
const branches = spec.properties['credentials']!.oneOf!;
const authTypeOf = (branch: Schema): string => branch.properties['auth_type']!.const!;
/** A typo: the field without its middle letter. */
const typo = (name: string): string => name.slice(0, name.length >> 1) + name.slice((name.length >> 1) + 1);

describe('unknown config fields', () => {
  it('the edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('start_dat', 'start_date')).toBe(1);
    expect(editDistance('requests_per_secnd', 'requests_per_second')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('a typo of any top-level field of the spec names that field', () => {
    for (const field of Object.keys(spec.properties)) {
      const warnings = unknownFieldWarnings({ credentials: { auth_type: 'bearer', access_token: 't' }, [typo(field)]: 1 });
      expect(warnings).toEqual([`The config has an unknown field ${typo(field)}, which is ignored; did you mean ${field}?`]);
    }
  });

  it('a typo of any field of login_settings names that field', () => {
    for (const field of Object.keys(spec.properties['login_settings']!.properties)) {
      const warnings = unknownFieldWarnings({
        credentials: { auth_type: 'bearer', access_token: 't' },
        login_settings: { [typo(field)]: 'x' },
      });
      expect(warnings).toEqual([
        `The config has an unknown field login_settings.${typo(field)}, which is ignored; did you mean login_settings.${field}?`,
      ]);
    }
  });

  it('a typo of a credentials field names the field of the chosen auth_type', () => {
    for (const branch of branches) {
      const authType = authTypeOf(branch);
      for (const field of Object.keys(branch.properties).filter((f) => f !== 'auth_type')) {
        const warnings = unknownFieldWarnings({ credentials: { auth_type: authType, [typo(field)]: 'x' } });
        expect(warnings).toEqual([
          `The config has an unknown field credentials.${typo(field)} for auth_type "${authType}", which is ignored; did you mean credentials.${field}?`,
        ]);
      }
    }
  });

  it('a credentials field of another auth_type says which one uses it', () => {
    expect(unknownFieldWarnings({ credentials: { auth_type: 'oauth', refresh_token: 'r', login_method: 'web' } })).toEqual([
      'The config field credentials.login_method is ignored: auth_type "oauth" does not use it ("password" does).',
    ]);
  });

  it('a field like no known one lists the known fields; known fields and other shapes give no warning', () => {
    expect(unknownFieldWarnings({ credentials: { auth_type: 'bearer', access_token: 't' }, zzz: 1 })).toEqual([
      `The config has an unknown field zzz, which is ignored; the known fields here are ${Object.keys(spec.properties).join(', ')}.`,
    ]);
    const everyField = Object.fromEntries(Object.keys(spec.properties).map((f) => [f, null]));
    expect(unknownFieldWarnings({ ...everyField, credentials: { auth_type: 'password', username: 'u', password: 'p' } })).toEqual([]);
    expect(unknownFieldWarnings([])).toEqual([]);
    expect(unknownFieldWarnings({ credentials: { auth_type: 'cookie', cookie: 'x' } })).toEqual([]);
  });
});

let sim: PelotonSimulator;
beforeAll(async () => (sim = await startSim({ workouts: 3, inProgress: 0 })));
afterAll(() => sim.close());

const withTypos = (): Record<string, unknown> => simConfig(sim, { start_dat: '2024-01-01T00:00:00Z', requests_per_secnd: 10 });
const EXPECTED = [
  'The config has an unknown field start_dat, which is ignored; did you mean start_date?',
  'The config has an unknown field requests_per_secnd, which is ignored; did you mean requests_per_second?',
];
const warnLogs = (messages: Array<Record<string, any>>): string[] =>
  messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN').map((m) => m['log'].message);

describe('unknown config fields are warned about in every command that reads the config', () => {
  it('check: WARN logs, and the check still succeeds', async () => {
    const files = writeFiles({ 'config.json': withTypos() });
    const result = await runCli(['check', '--config', files['config.json']!]);
    expect(result.exitCode).toBe(0);
    expect(warnLogs(result.messages)).toEqual(EXPECTED);
    expect(result.messages.at(-1)?.['connectionStatus']).toEqual({ status: 'SUCCEEDED' });
  });

  it('read: WARN logs before the records', async () => {
    const result = await runCli(readArgs(withTypos(), catalog({ workouts: 'incremental' })));
    expect(result.exitCode).toBe(0);
    expect(warnLogs(result.messages)).toEqual(EXPECTED);
    const firstRecord = result.messages.findIndex((m) => m['type'] === 'RECORD');
    const lastWarning = result.messages.findLastIndex((m) => m['type'] === 'LOG' && m['log'].level === 'WARN');
    expect(lastWarning).toBeLessThan(firstRecord);
  });

  it('tap mode: WARN lines on stderr, stdout stays Singer messages', async () => {
    const files = writeFiles({ 'config.json': withTypos() });
    const result = await runRaw(['singer', '--config', files['config.json']!]);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('WARN The config'))).toEqual(EXPECTED.map((m) => `WARN ${m}`));
    expect(result.stdout).not.toContain('The config has an unknown field');
  });
});
