import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureConfig, INTEGRATION_TESTS, runConnector, startAcceptanceSimulator } from '../simulator/acceptance.js';
import { cursorFieldOf } from '../src/engine/declarations.js';
import { STREAMS } from '../src/streams/registry.js';

/**
 * `npm run fixtures`: rewrites the generated files of integration_tests/ (spec.json,
 * expected_records.jsonl, sample_state.json) from the connector run against the fixed simulator data.
 */
export async function renderFixtures(): Promise<Record<string, string>> {
  const sim = await startAcceptanceSimulator();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'source-peloton-fixtures-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify(fixtureConfig('sample_config.json', sim.url)));
    const spec = await runConnector(['spec']);
    const read = await runConnector(['read', '--config', config, '--catalog', join(INTEGRATION_TESTS, 'configured_catalog.json')]);
    const records = read.messages
      .filter((m) => m['type'] === 'RECORD')
      .map((m) => JSON.stringify({ stream: m['record'].stream, data: m['record'].data, emitted_at: 1_700_000_000_000 }));
    const middle = sim.history.all()[5]!.created_at;
    // Every stream with a cursor, positioned on the same workout (each cursor follows a workout's created_at).
    const state = STREAMS.flatMap((stream) => {
      const cursor = cursorFieldOf(stream);
      if (cursor === undefined) return [];
      return [{ type: 'STREAM', stream: { stream_descriptor: { name: stream.name }, stream_state: { [cursor]: middle } } }];
    });
    return {
      'spec.json': JSON.stringify(spec.messages[0]?.['spec'], null, 2) + '\n',
      'expected_records.jsonl': records.join('\n') + '\n',
      'sample_state.json': JSON.stringify(state, null, 2) + '\n',
    };
  } finally {
    await sim.close();
  }
}

if (process.argv[1]?.endsWith('acceptance-fixtures.js')) {
  for (const [file, content] of Object.entries(await renderFixtures())) {
    writeFileSync(join(INTEGRATION_TESTS, file), content);
    process.stdout.write(`wrote integration_tests/${file}\n`);
  }
}
