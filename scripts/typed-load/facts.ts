import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from './load.js';

/** One answer the demo prints from the typed tables: a query over one stream's table (and maybe others). */
export interface SqlFact {
  id: string;
  /** The table the query reads; the fact is skipped when it is absent or empty. */
  stream: string;
  /** Other tables the query joins; the fact is skipped when one is absent. */
  joins?: string[];
  title: string;
  sql: string;
  /** How many rows to print (the others are counted); all when absent. */
  show?: number;
  /** What an answer without rows means, when it means more than nothing to report. */
  whenEmpty?: string;
}

/** The demo's answers, one entry per fact; a new stream's fact is one more entry. */
export const FACTS: readonly SqlFact[] = [
  {
    id: 'workouts_per_month',
    stream: 'workouts',
    title: 'Workouts per month (UTC) and discipline',
    sql: `PIVOT (SELECT strftime(to_timestamp(created_at), '%Y-%m') AS month, fitness_discipline FROM workouts)
          ON fitness_discipline USING count(*) GROUP BY month ORDER BY month DESC`,
    show: 6,
  },
  {
    id: 'output_per_discipline',
    stream: 'workouts',
    title: 'Total output per discipline (total_work is joules)',
    sql: `SELECT fitness_discipline AS discipline, count(*) AS workouts, round(sum(total_work) / 1000, 1) AS output_kj
          FROM workouts GROUP BY fitness_discipline ORDER BY output_kj DESC, workouts DESC, discipline`,
  },
  {
    id: 'newest_workout',
    stream: 'workouts',
    title: 'Newest workout',
    sql: `SELECT to_timestamp(created_at) AS created, fitness_discipline AS discipline, coalesce(ride ->> 'title', name) AS title, status
          FROM workouts ORDER BY created_at DESC LIMIT 1`,
  },
  {
    id: 'strive_score',
    stream: 'workout_details',
    title: 'Strive Score',
    sql: `SELECT round(avg(average_effort_score), 1) AS average, count(average_effort_score) AS workouts_scored FROM workout_details`,
  },
  {
    id: 'profile',
    stream: 'user',
    // A tested FTP lives in cycling_workout_ftp, a manual one in cycling_ftp (see the user stream in the README).
    title: 'FTP and maximum heart rate',
    sql: `SELECT CASE cycling_ftp_source WHEN 'ftp_workout_source' THEN cycling_workout_ftp WHEN 'ftp_estimated_source' THEN estimated_cycling_ftp
                 ELSE cycling_ftp END AS ftp, cycling_ftp_source AS ftp_source,
                 coalesce(customized_max_heart_rate, default_max_heart_rate) AS max_heart_rate FROM "user"`,
  },
  {
    id: 'streaks',
    stream: 'overview',
    title: 'Streaks',
    sql: `SELECT (streaks ->> 'current_weekly')::INTEGER AS current_weeks, (streaks ->> 'best_weekly')::INTEGER AS best_weeks,
                 (streaks ->> 'current_daily')::INTEGER AS current_days FROM overview`,
  },
  {
    id: 'personal_records',
    stream: 'personal_records',
    title: 'Current personal records',
    sql: `SELECT discipline, name AS record, value, unit, left(workout_date, 10) AS set_on
          FROM personal_records ORDER BY discipline, TRY_CAST(slug AS INTEGER) NULLS LAST, slug`,
    show: 8,
  },
  {
    id: 'best_20_minutes',
    stream: 'workout_samples',
    joins: ['workouts'],
    // A window starts at each sample and spans 1200 s of the pedaling clock; it counts when it ends inside the
    // recording. Only per-second samples are averaged: at metrics_every_n > 1 each value is the maximum of its
    // bucket, and a mean of maxima is no average (such workouts have about one sample per n seconds).
    title: 'Best 20-minute average output (watts, mean of the per-second output over 1200 s; needs metrics_every_n 1)',
    sql: `WITH windows AS (
            SELECT workout_id, "offset",
                   avg(output) OVER (PARTITION BY workout_id ORDER BY "offset" RANGE BETWEEN CURRENT ROW AND 1199 FOLLOWING) AS watts,
                   max("offset") OVER (PARTITION BY workout_id) AS last_offset,
                   min("offset") OVER (PARTITION BY workout_id) AS first_offset,
                   count(*) OVER (PARTITION BY workout_id) AS samples
            FROM workout_samples),
          best AS (
            SELECT workout_id, max(watts) AS watts FROM windows
            WHERE "offset" + 1199 <= last_offset AND 2 * samples > last_offset - first_offset + 1
            GROUP BY workout_id HAVING max(watts) IS NOT NULL)
          SELECT to_timestamp(w.created_at) AS workout, w.fitness_discipline AS discipline,
                 coalesce(w.ride ->> 'title', w.name) AS title, round(b.watts, 2) AS watts
          FROM best b JOIN workouts w ON w.id = b.workout_id ORDER BY b.watts DESC, w.created_at DESC`,
    show: 5,
    whenEmpty: 'no workout with 20 minutes of per-second output; read with metrics_every_n 1',
  },
  {
    id: 'strength_movements',
    stream: 'strength_sets',
    // A hold is is_hold (2023 field names) or tracking_type time_based (2025 names); it counts seconds, not reps.
    // Reps: completed_reps, or completed_number in 2023 names; seconds held: completed_duration, or completed_number.
    title: 'Most tracked strength movements',
    sql: `SELECT movement_name AS movement, count(*) AS sets, count(DISTINCT workout_id) AS workouts,
                 sum(CASE WHEN NOT hold THEN coalesce(completed_reps, completed_number) END) AS reps,
                 sum(CASE WHEN hold THEN coalesce(completed_duration, completed_number) END) AS seconds_held
          FROM (SELECT *, coalesce(is_hold, tracking_type = 'time_based') AS hold FROM strength_sets)
          GROUP BY movement_name ORDER BY sets DESC, workouts DESC, movement`,
    show: 5,
  },
  {
    id: 'top_artists',
    stream: 'class_songs',
    joins: ['workouts'],
    // A play is one song of the class of one workout: a class taken twice plays its songs twice.
    title: 'Most played artists in the classes taken',
    sql: `SELECT artist, count(*) AS plays, count(DISTINCT ride_id) AS classes
          FROM (SELECT s.ride_id, unnest(s.artists ->> '$[*].artist_name') AS artist
                FROM workouts w JOIN class_songs s ON s.ride_id = (w.ride ->> 'id'))
          GROUP BY artist ORDER BY plays DESC, classes DESC, artist`,
    show: 5,
  },
];

/** The rows of a fact's query, or undefined when its table is absent or empty, or a table it joins is absent. */
export async function answer(connection: DuckDBConnection, fact: SqlFact): Promise<Array<Record<string, unknown>> | undefined> {
  for (const table of [fact.stream, ...(fact.joins ?? [])]) {
    const tables = await connection.runAndReadAll(`SELECT 1 FROM duckdb_tables() WHERE table_name = $name AND NOT temporary`, {
      name: table,
    });
    if (tables.currentRowCount === 0) return undefined;
  }
  const filled = await connection.runAndReadAll(`SELECT 1 FROM ${ident(fact.stream)} LIMIT 1`);
  if (filled.currentRowCount === 0) return undefined;
  return (await connection.runAndReadAll(fact.sql)).getRowObjectsJS();
}

/** Rows as an aligned text table: a header line, then one line per row (numbers right-aligned). */
export function renderRows(rows: Array<Record<string, unknown>>, show = rows.length): string {
  const headers = Object.keys(rows[0] ?? {});
  const cells = rows.slice(0, show).map((row) => headers.map((header) => cellText(row[header])));
  const numeric = headers.map((header) => rows.every((row) => ['number', 'bigint'].includes(typeof row[header]) || row[header] === null));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]): string =>
    values
      .map((value, i) => (numeric[i] === true ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const more = rows.length > show ? [`(${rows.length - show} more rows)`] : [];
  return [line(headers), ...cells.map(line), ...more].join('\n');
}

function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().replace(/\.000Z$/, 'Z');
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return value.toString();
    case 'object':
      return value === null ? '' : JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
    default:
      return '';
  }
}
