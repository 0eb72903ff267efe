import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProtocolOutput } from '../src/protocol/output.js';
import { flushLines } from '../src/protocol/write-line.js';
import { Redactor, secretsIn } from '../src/protocol/redactor.js';
import { loadSchema } from '../src/schemas.js';

describe('secret redaction', () => {
  it('finds every airbyte_secret value of a config, in whichever credentials branch', () => {
    const spec = loadSchema('spec.json');
    expect(secretsIn(spec, { credentials: { auth_type: 'password', username: 'me', password: 'pw-123456' } })).toEqual(['pw-123456']);
    expect(
      secretsIn(spec, { credentials: { auth_type: 'oauth', refresh_token: 'v1.refresh', access_token: 'eyJ.access' } }).sort(),
    ).toEqual(['eyJ.access', 'v1.refresh']);
    expect(secretsIn(spec, { credentials: { auth_type: 'bearer', access_token: 'eyJ.bearer' } })).toEqual(['eyJ.bearer']);
  });

  it('redacts secrets, and their URL- and JSON-encoded forms, in logs, errors and stack traces', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const redactor = new Redactor();
    redactor.add('p@ss w"rd/1');
    const output = new ProtocolOutput(stdout, redactor);
    await output.log('INFO', 'login with p@ss w"rd/1 and p%40ss%20w%22rd%2F1 and {"password":"p@ss w\\"rd/1"}');
    const error = new Error('failed for p@ss w"rd/1');
    await output.error({
      message: error.message,
      failureType: 'system_error',
      internalMessage: 'p@ss w"rd/1',
      stackTrace: error.stack ?? '',
    });
    await flushLines(stdout);
    const [log, trace] = out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);
    expect(log?.['log'].message).toBe('login with ********** and ********** and {"password":"**********"}');
    expect(trace?.['trace'].error).toMatchObject({
      message: 'failed for **********',
      internal_message: '**********',
      stack_trace: expect.stringMatching(/^Error: failed for \*{10}\n\s+at /),
    });
    expect(out).not.toContain('p@ss');
    expect(out).not.toContain('p%40ss');
  });

  it('ignores values too short to be secrets, so ordinary text survives', () => {
    const redactor = new Redactor();
    redactor.add('a');
    expect(redactor.redact('a cat')).toBe('a cat');
  });
});
