import { STREAMS } from '../src/streams/registry.js';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specMessage } from '../src/commands/spec.js';

const read = (file: string): string => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const metadata = (parse(read('metadata.yaml')) as { metadataSpecVersion: string; data: Record<string, any> }).data;
const packageJson = JSON.parse(read('package.json')) as Record<string, any>;
const version = packageJson['version'] as string;

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
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])).toEqual([
      'node:22-bookworm-slim',
      'node:22-bookworm-slim',
      'node:22-bookworm-slim',
    ]);
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
    });
    const suggested = (metadata['suggestedStreams'] as { streams: string[] }).streams;
    expect(suggested.length).toBeGreaterThan(0);
    expect(new Set(suggested).size).toBe(suggested.length);
    expect(suggested.filter((name) => !STREAMS.some((s) => s.name === name))).toEqual([]);
    // Every other stream hangs off the workout list or the member: the list itself comes first.
    expect(suggested[0]).toBe('workouts');
  });
});

describe('the Meltano example', () => {
  const meltano = parse(read('meltano.yml')) as {
    plugins: { extractors: Array<{ name: string; select: string[]; settings: Array<{ name: string }> }> };
  };
  const tap = meltano.plugins.extractors.find((extractor) => extractor.name === 'tap-peloton')!;

  it('selects every stream, in catalog order', () => {
    expect(tap.select).toEqual(STREAMS.map((stream) => `${stream.name}.*`));
  });

  it("declares a setting for each of the spec's settings a member sets (the base URLs and login settings aside)", () => {
    const properties = specMessage().spec.connectionSpecification['properties'] as Record<string, unknown>;
    const settings = new Set(tap.settings.map((setting) => setting.name.split('.')[0]));
    const advanced = ['api_base_url', 'auth_base_url', 'login_settings'];
    expect(Object.keys(properties).filter((name) => !settings.has(name) && !advanced.includes(name))).toEqual([]);
  });
});

/** The `## [x.y.z] - YYYY-MM-DD` entries of CHANGELOG.md, newest first (an "Unreleased" section is skipped). */
function changelogEntries(text: string): Array<{ version: string; date: string; body: string }> {
  const headings = [...text.matchAll(/^## \[?([^\]\s]+)\]?(?: - (\S+))?$/gm)];
  return headings
    .map((heading, i) => ({ heading, body: text.slice(heading.index + heading[0].length, headings[i + 1]?.index ?? text.length).trim() }))
    .filter(({ heading }) => heading[1] !== 'Unreleased')
    .map(({ heading, body }) => ({ version: heading[1]!, date: heading[2] ?? '', body }));
}

const semver = (text: string): number[] => text.split('-')[0]!.split('.').map(Number);
const compareVersions = (a: string, b: string): number => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/**
 * Problems with a metadata `releases` block, by the rules of Airbyte's ConnectorReleases schema:
 * breakingChanges is required and lists at least one `X.Y.Z` with a message and an upgradeDeadline
 * date; progressive rollout is for release candidates (`-rc.N` tags) only. Plus this repository's
 * own rules: a breaking version is not newer than the image tag and has a CHANGELOG entry.
 */
function releasesProblems(releases: Record<string, any>, imageTag: string, changelogVersions: string[]): string[] {
  const problems: string[] = [];
  const known = ['breakingChanges', 'rolloutConfiguration', 'isReleaseCandidate', 'migrationDocumentationUrl'];
  for (const key of Object.keys(releases)) if (!known.includes(key)) problems.push(`unknown key ${key}`);
  const breaking = releases['breakingChanges'] as Record<string, any> | undefined;
  if (breaking === undefined || Object.keys(breaking).length === 0) problems.push('breakingChanges must list at least one version');
  for (const [breakingVersion, change] of Object.entries(breaking ?? {})) {
    if (!/^\d+\.\d+\.\d+$/.test(breakingVersion)) problems.push(`${breakingVersion} is not X.Y.Z`);
    if (typeof change?.message !== 'string' || change.message.trim() === '') problems.push(`${breakingVersion} has no message`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(change?.upgradeDeadline ?? ''))) problems.push(`${breakingVersion} has no upgradeDeadline date`);
    if (compareVersions(breakingVersion, imageTag) > 0) problems.push(`${breakingVersion} is newer than the image tag ${imageTag}`);
    if (!changelogVersions.includes(breakingVersion)) problems.push(`${breakingVersion} has no CHANGELOG entry`);
  }
  if (releases['rolloutConfiguration']?.enableProgressiveRollout === true && !/-rc\.\d+$/.test(imageTag)) {
    problems.push('progressive rollout is enabled but the image tag is not a release candidate (-rc.N)');
  }
  return problems;
}

describe('registry metadata, package and changelog agree', () => {
  const changelog = changelogEntries(read('CHANGELOG.md'));

  it('is a community API source in alpha, written in TypeScript', () => {
    expect(metadata).toMatchObject({ connectorType: 'source', connectorSubtype: 'api', supportLevel: 'community', releaseStage: 'alpha' });
    expect(metadata['tags']).toContain('language:typescript');
  });

  it('allowedHosts are exactly the hosts of the default base URLs in the spec', () => {
    const properties = specMessage().spec.connectionSpecification['properties'] as Record<string, { default?: string }>;
    const defaults = ['api_base_url', 'auth_base_url'].map((field) => new URL(properties[field]!.default!).host);
    expect(metadata['allowedHosts'].hosts).toEqual(defaults);
  });

  it("documentationUrl is the spec's documentationUrl and package.json's homepage", () => {
    expect(metadata['documentationUrl']).toBe(specMessage().spec.documentationUrl);
    expect(metadata['documentationUrl']).toBe(packageJson['homepage']);
  });

  it('the icon is a self-contained square SVG in the repository root', () => {
    expect(metadata['icon']).toBe('icon.svg');
    expect(existsSync(new URL('../icon.svg', import.meta.url))).toBe(true);
    const svg = read('icon.svg');
    const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
    const [, , width, height] = (/viewBox="([\d.\s]+)"/.exec(root)?.[1] ?? '').trim().split(/\s+/).map(Number);
    expect(width).toBeGreaterThan(0);
    expect(width).toBe(height);
    expect(svg).not.toMatch(/<script|<image|href="(?!#)/i);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it("CHANGELOG.md: the newest released entry is package.json's version, versions and dates go back in time, the first is the releaseDate", () => {
    expect(changelog.length).toBeGreaterThan(0);
    expect(changelog[0]!.version).toBe(version);
    for (const entry of changelog) {
      expect(entry.date, `${entry.version} has a date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(entry.date))).toBe(false);
      expect(entry.body.length, `${entry.version} says what changed`).toBeGreaterThan(0);
    }
    for (let i = 1; i < changelog.length; i++) {
      expect(compareVersions(changelog[i - 1]!.version, changelog[i]!.version)).toBeGreaterThan(0);
      expect(changelog[i - 1]!.date >= changelog[i]!.date).toBe(true);
    }
    expect(changelog.at(-1)!.date).toBe(String(metadata['releaseDate']));
  });

  it("releases, when present, follow Airbyte's schema and the changelog", () => {
    const tag = String(metadata['dockerImageTag']);
    if (metadata['releases'] !== undefined)
      expect(
        releasesProblems(
          metadata['releases'],
          tag,
          changelog.map((e) => e.version),
        ),
      ).toEqual([]);
    // The rules themselves, on examples:
    const ok = { breakingChanges: { '0.1.0': { message: 'Reset workouts.', upgradeDeadline: '2027-01-01' } } };
    expect(releasesProblems(ok, '0.1.0', ['0.1.0'])).toEqual([]);
    expect(releasesProblems({ rolloutConfiguration: { enableProgressiveRollout: false } }, '0.1.0', [])).toEqual([
      'breakingChanges must list at least one version',
    ]);
    expect(releasesProblems({ ...ok, rolloutConfiguration: { enableProgressiveRollout: true } }, '0.1.0', ['0.1.0'])).toHaveLength(1);
    expect(releasesProblems(ok, '0.1.0-rc.1', ['0.1.0'])).toEqual([]);
    expect(releasesProblems({ breakingChanges: { '2.0.0': { message: 'x' } } }, '0.1.0', [])).toHaveLength(3);
  });

  it('package.json has the metadata people expect, and a LICENSE that matches it', () => {
    expect(packageJson).toMatchObject({
      license: 'MIT',
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/.+\.git$/) },
      bugs: { url: expect.stringMatching(/^https:\/\/github\.com\/.+\/issues$/) },
      keywords: expect.arrayContaining(['airbyte', 'singer', 'meltano', 'peloton']),
    });
    const license = read('LICENSE');
    expect(license.startsWith('MIT License')).toBe(true);
    expect(license).toMatch(/^Copyright \(c\) \d{4} source-peloton contributors$/m);
  });

  it('the package ships the built code, both executables, the schemas and the changelog', () => {
    const files = packageJson['files'] as string[];
    expect(files).toEqual(expect.arrayContaining(['bin', 'dist/src', 'schemas', 'CHANGELOG.md']));
    expect(Object.keys(packageJson['bin'])).toEqual(['source-peloton', 'tap-peloton']);
    for (const bin of Object.values(packageJson['bin'] as Record<string, string>)) {
      expect(
        files.some((entry) => bin.startsWith(`${entry}/`)),
        `${bin} is packed`,
      ).toBe(true);
      expect(read(bin)).toContain("from '../dist/src/main.js'");
    }
    expect(packageJson['scripts']['prepack']).toMatch(/npm run build/);
  });
});
