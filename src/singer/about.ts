import type { CommandContext } from '../commands/runtime.js';
import { streamSummary } from '../commands/summary.js';
import { cursorFieldOf } from '../engine/declarations.js';
import { propertiesOf, specSchema } from '../config/spec.js';
import { asText, configError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import { STREAMS } from '../streams/registry.js';
import { CONNECTOR_VERSION } from '../version.js';

interface Setting {
  name: string;
  type: string;
  description: string;
  required: boolean;
  sensitive: boolean;
}

/** `--about`: what the tap is, its capabilities, streams and every setting, sensitive ones marked. */
export function about(ctx: CommandContext, format: string | undefined, capabilities: readonly string[]): number {
  const spec = specSchema();
  const settings = settingsOf(spec);
  const streams = STREAMS.map((s) => ({
    name: s.name,
    key_properties: s.primaryKey.map((p) => p.join('.')),
    replication_key: cursorFieldOf(s) ?? null,
  }));
  const name = 'tap-peloton';
  const description = `Peloton data as a Singer tap (the tap mode of source-peloton). ${streamSummary()}.`;
  if (format === undefined || format === 'json') {
    // The settings schema marks secrets the way Singer tooling reads them (secret + writeOnly).
    const info = {
      name,
      description,
      version: CONNECTOR_VERSION,
      capabilities,
      streams,
      settings: markSecrets(spec),
      settings_list: settings,
    };
    ctx.stdout.write(JSON.stringify(info, null, 2) + '\n');
    return 0;
  }
  if (format !== 'markdown') throw configError(`--format must be json or markdown, not ${JSON.stringify(format)}.`);
  const lines = [
    `# ${name} ${CONNECTOR_VERSION}`,
    '',
    description,
    '',
    `Capabilities: ${capabilities.join(', ')}`,
    '',
    '## Streams',
    ...streams.map(
      (s) =>
        `- ${s.name} (key ${s.key_properties.join(', ')}, ${s.replication_key === null ? 'full table' : `replication key ${s.replication_key}`})`,
    ),
    '',
    '## Settings',
    '',
    '| setting | type | required | sensitive | description |',
    '|---|---|---|---|---|',
    ...settings.map(
      (s) =>
        `| ${s.name} | ${s.type} | ${s.required ? 'yes' : 'no'} | ${s.sensitive ? 'yes' : 'no'} | ${s.description.replace(/\|/g, '\\|')} |`,
    ),
  ];
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** Every leaf setting of the spec, with the credential branches named by their auth_type. */
function settingsOf(schema: JsonObject, prefix = '', parentRequired = true): Setting[] {
  const properties = propertiesOf(schema);
  const required = new Set((schema['required'] ?? []) as string[]);
  const settings: Setting[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const name = `${prefix}${key}`;
    const isRequired = parentRequired && required.has(key);
    const branches = property['oneOf'] as JsonObject[] | undefined;
    if (branches !== undefined) {
      for (const branch of branches) {
        const authType = asText(propertiesOf(branch)['auth_type']?.['const']);
        settings.push(...settingsOf(branch, `${name}.`, isRequired).map((s) => ({ ...s, description: `(${authType}) ${s.description}` })));
      }
      continue;
    }
    if (property['type'] === 'object' && property['properties'] !== undefined) {
      settings.push(...settingsOf(property, `${name}.`, false));
      continue;
    }
    settings.push({
      name,
      type: asText(property['type'] ?? 'string'),
      description: asText(
        property['description'] ??
          property['title'] ??
          (property['const'] === undefined ? '' : `always ${JSON.stringify(property['const'])}`),
      ),
      required: isRequired,
      sensitive: property['airbyte_secret'] === true,
    });
  }
  return settings;
}

function markSecrets(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(markSecrets);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, markSecrets(value)]));
  return copy['airbyte_secret'] === true ? { ...copy, secret: true, writeOnly: true } : copy;
}
