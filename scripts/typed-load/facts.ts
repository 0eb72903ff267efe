import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from './load.js';

/** One answer the demo prints from the typed tables: a query over one stream's table. */
export interface SqlFact {
  id: string;
  /** The table the query reads; the fact is skipped when it is absent or empty. */
  stream: string;
  title: string;
  sql: string;
  /** How many rows to print (the others are counted); all when absent. */
  show?: number;
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
];

/** The rows of a fact's query, or undefined when its table is absent or empty. */
export async function answer(connection: DuckDBConnection, fact: SqlFact): Promise<Array<Record<string, unknown>> | undefined> {
  const tables = await connection.runAndReadAll(`SELECT 1 FROM duckdb_tables() WHERE table_name = $name AND NOT temporary`, {
    name: fact.stream,
  });
  if (tables.currentRowCount === 0) return undefined;
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
