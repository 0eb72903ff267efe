import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderTypes } from '../scripts/generate-types.js';
import { loadSchemaFile } from './helpers/real-payloads.js';

const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

interface Contract {
  title: string;
  primaryKey: string[];
  /** Top-level fields every consumer of the stream relies on. */
  fields: string[];
}

/** The stream schemas not yet in the registry: their type name, key and contract fields. */
const NEW_STREAMS: Record<string, Contract> = {
  workout_samples: {
    title: 'WorkoutSample',
    primaryKey: ['workout_id', 'offset'],
    fields: [
      'workout_created_at',
      'output',
      'cadence',
      'resistance',
      'speed',
      'heart_rate',
      'pace',
      'incline',
      'stroke_rate',
      'split_pace',
      'altitude',
    ],
  },
  workout_locations: {
    title: 'WorkoutLocation',
    primaryKey: ['workout_id', 'seconds_offset_from_start'],
    fields: ['workout_created_at', 'segment_id', 'is_gap', 'latitude', 'longitude', 'accuracy', 'distance', 'distance_display_unit'],
  },
  rower_strokes: {
    title: 'RowerStroke',
    primaryKey: ['workout_id', 'id'],
    fields: ['workout_created_at', 'seconds_since_pedaling_start', 'output', 'stroke_rate', 'errors'],
  },
  strength_sets: {
    title: 'StrengthSet',
    primaryKey: ['workout_id', 'position'],
    fields: [
      'workout_created_at',
      'is_hold',
      'target_number',
      'completed_number',
      'total_volume',
      'tracking_type',
      'completed_reps',
      'completed_duration',
      'target_reps',
      'movement_id',
      'movement_name',
      'offset',
      'length',
      'weight',
    ],
  },
  class_songs: {
    title: 'ClassSong',
    primaryKey: ['ride_id', 'position'],
    fields: ['workout_created_at', 'id', 'title', 'artists', 'album', 'cue_time_offset', 'start_time_offset', 'liked', 'explicit_rating'],
  },
  personal_records: {
    title: 'PersonalRecord',
    primaryKey: ['discipline', 'slug'],
    fields: ['discipline_name', 'name', 'value', 'raw_value', 'unit', 'unit_slug', 'workout_id', 'workout_date'],
  },
  achievements: {
    title: 'Achievement',
    primaryKey: ['category', 'id'],
    fields: ['count', 'name', 'slug', 'image_url', 'description', 'animated_image_url', 'kinetic_token_background'],
  },
  instructors: { title: 'Instructor', primaryKey: ['id'], fields: ['name'] },
  challenges: { title: 'Challenge', primaryKey: ['id'], fields: ['challenge_summary', 'challenge_detail', 'participants', 'progress'] },
};

type Schema = { title?: string; required?: string[]; properties: Record<string, { type?: string | string[] }> };

const loadSchema = (file: string): Schema => loadSchemaFile(file) as unknown as Schema;

/** Type errors of TypeScript sources checked together under the project's strict options. */
function typeErrors(sources: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es5.d.ts'],
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = sources[name];
    return text === undefined ? getSourceFile(name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => name in sources || fileExists(name);
  const program = ts.createProgram(Object.keys(sources), options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe.each(Object.entries(NEW_STREAMS))('the %s schema', (stream, contract) => {
  const schema = loadSchema(`${stream}.json`);

  it(`is titled ${contract.title}`, () => {
    expect(schema.title).toBe(contract.title);
  });

  it('requires its primary key, never null', () => {
    for (const field of contract.primaryKey) {
      expect(schema.required, field).toContain(field);
      const type = schema.properties[field]?.type;
      expect(type, field).toBeDefined();
      expect([type].flat(), field).not.toContain('null');
    }
  });

  it('declares every contract field at the top level', () => {
    expect(contract.fields.filter((field) => schema.properties[field] === undefined)).toEqual([]);
  });
});

describe('generated types', () => {
  const streamSchemas = readdirSync(SCHEMAS_DIR).filter((name) => name.endsWith('.json') && name !== 'spec.json');

  it('every stream schema renders to TypeScript that type-checks', async () => {
    const sources: Record<string, string> = {};
    for (const file of streamSchemas) {
      const schema = loadSchema(file);
      expect(schema.title, file).toEqual(expect.any(String));
      sources[`/generated/${file.replace(/\.json$/, '.ts')}`] = await renderTypes({
        schema: `schemas/${file}`,
        output: '',
        typeName: schema.title!,
      });
    }
    expect(Object.keys(sources).length).toBeGreaterThanOrEqual(6 + Object.keys(NEW_STREAMS).length);
    expect(typeErrors(sources)).toEqual([]);
  });

  it('a sample row with ids beside any metric column type-checks; a wrong one does not', async () => {
    const types = await renderTypes({ schema: 'schemas/workout_samples.json', output: '', typeName: 'WorkoutSample' });
    const withRow = (fields: string): Record<string, string> => ({
      '/t/row.ts': `${types}\nexport const row: WorkoutSample = { ${fields} };`,
    });
    expect(typeErrors(withRow("workout_id: 'a', workout_created_at: 1, offset: 2, output: 9.5, power_zone: null"))).toEqual([]);
    expect(typeErrors(withRow('workout_id: 1, workout_created_at: 1, offset: 2'))).not.toEqual([]);
  });
});
