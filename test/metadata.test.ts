import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string): string => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const metadata = (parse(read('metadata.yaml')) as { metadataSpecVersion: string; data: Record<string, any> }).data;
const version = (JSON.parse(read('package.json')) as { version: string }).version;

const label = (name: string): string | undefined => new RegExp(`^LABEL ${name.replace(/\./g, '\\.')}=(\\S+)$`, 'm').exec(finalStage)?.[1];
const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(finalStage)?.[1] ?? '[]') as string[];
const airbyteEntrypoint = /^ENV AIRBYTE_ENTRYPOINT="(.*)"$/m.exec(finalStage)?.[1];

describe('image and metadata agree', () => {
  it('package.json version, dockerImageTag and io.airbyte.version are the same', () => {
    expect(metadata['dockerImageTag']).toBe(version);
    expect(label('io.airbyte.version')).toBe(version);
  });

  it('dockerRepository is io.airbyte.name', () => {
    expect(label('io.airbyte.name')).toBe(metadata['dockerRepository']);
  });

  it('AIRBYTE_ENTRYPOINT is the ENTRYPOINT joined by spaces, and the ENTRYPOINT is absolute', () => {
    expect(airbyteEntrypoint).toBe(entrypoint.join(' '));
    expect(entrypoint.at(-1)).toMatch(/^\/.*\/bin\/source-peloton\.js$/);
  });

  it('the image runs as a non-root user on node:22-bookworm-slim', () => {
    expect(/^USER (\S+)$/m.exec(finalStage)?.[1]).toBe('node');
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])).toEqual(['node:22-bookworm-slim', 'node:22-bookworm-slim', 'node:22-bookworm-slim']);
  });

  it('metadata has the fields Airbyte expects', () => {
    expect(metadata).toMatchObject({
      connectorType: 'source',
      connectorSubtype: 'api',
      definitionId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      name: 'Peloton',
      license: 'MIT',
      releaseStage: expect.any(String),
      supportLevel: expect.any(String),
      allowedHosts: { hosts: ['api.onepeloton.com', 'auth.onepeloton.com'] },
      suggestedStreams: { streams: ['workouts', 'workout_metrics'] },
    });
  });
});
