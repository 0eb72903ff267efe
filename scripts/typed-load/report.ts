import type { StreamReport, TypedLoadReport } from './load.js';

/**
 * What a repeated primary key means: `error` for the messages of one read (a sync never emits a key twice),
 * `keep-last` for the messages of several (a resumed or incremental sync's replays, which an `append_dedup`
 * destination folds into the last record of each key).
 */
export type DuplicatePolicy = 'error' | 'keep-last';

/** Everything in a report that a typed destination would get wrong, one line each; empty when the load is clean. */
export function problemsOf(report: TypedLoadReport, duplicates: DuplicatePolicy = 'error'): string[] {
  const problems: string[] = [];
  for (const stream of report.streams) {
    for (const column of stream.columns)
      if (column.failed > 0)
        problems.push(
          `${stream.stream}.${column.name} (${column.sqlType}): ${column.failed} value(s) fail the cast, e.g. ${column.examples.map(describeValue).join('; ')}`,
        );
    if (duplicates === 'error' && stream.duplicateKeys.length > 0)
      problems.push(`${stream.stream}: ${stream.duplicateKeys.length} primary key(s) repeated, e.g. ${duplicateList(stream, 3)}`);
    if (stream.recordsWithoutKey > 0)
      problems.push(
        `${stream.stream}: ${stream.recordsWithoutKey} record(s) with a null or failed primary key value, left out of the table`,
      );
  }
  for (const { stream, records } of report.unknownStreams)
    problems.push(`${stream}: ${records} record(s) of a stream the catalog does not list`);
  return problems;
}

/** The report for people: one line per stream, then the undeclared fields, duplicates and problems. */
export function formatReport(report: TypedLoadReport, options: { columns?: boolean; duplicates?: DuplicatePolicy } = {}): string {
  const records = report.streams.reduce((n, s) => n + s.records, 0);
  const out = [`Typed load: ${report.streams.length} streams, ${records} records in ${report.seconds.toFixed(2)} s`];
  const width = Math.max(...report.streams.map((s) => s.stream.length));
  for (const stream of report.streams) {
    const failed = stream.columns.reduce((n, c) => n + c.failed, 0);
    out.push(
      `  ${stream.stream.padEnd(width)}  ${String(stream.records).padStart(6)} records -> ${String(stream.rows).padStart(6)} rows` +
        `  ${stream.columns.length} columns, ${stream.primaryKey.length === 0 ? 'no key' : `key (${stream.primaryKey.join(', ')})`}, ${failed} failed casts, ${stream.duplicateKeys.length} duplicate keys`,
    );
    if (options.columns === true)
      for (const column of stream.columns)
        out.push(
          `      ${column.name} ${column.sqlType}${column.nullable ? '' : ' (not nullable)'}${column.failed > 0 ? `: ${column.failed} failed` : ''}`,
        );
  }
  const undeclared = report.streams.filter((s) => s.undeclaredFields.length > 0);
  if (undeclared.length > 0) {
    out.push('Undeclared fields (kept in no column, as in a typed destination):');
    for (const s of undeclared) out.push(`  ${s.stream}: ${s.undeclaredFields.map((f) => `${f.field} (${f.records})`).join(', ')}`);
  }
  const duplicated = report.streams.filter((s) => s.duplicateKeys.length > 0);
  if (options.duplicates === 'keep-last' && duplicated.length > 0) {
    out.push('Repeated keys (the table keeps the last record of each):');
    for (const s of duplicated) out.push(`  ${s.stream}: ${s.duplicateKeys.length}, e.g. ${duplicateList(s, 5)}`);
  }
  const problems = problemsOf(report, options.duplicates);
  out.push(problems.length === 0 ? 'No failed casts, no duplicate keys.' : `Problems (${problems.length}):`);
  for (const problem of problems) out.push(`  ${problem}`);
  return out.join('\n');
}

function describeValue(failed: { line: number; key: Record<string, unknown>; value: string }): string {
  const key = Object.entries(failed.key)
    .map(([field, value]) => `${field} ${JSON.stringify(value)}`)
    .join(', ');
  return `${failed.value.length > 80 ? `${failed.value.slice(0, 77)}...` : failed.value} (message ${failed.line}${key === '' ? '' : `, ${key}`})`;
}

function duplicateList(stream: StreamReport, limit: number): string {
  return stream.duplicateKeys
    .slice(0, limit)
    .map((d) => `${JSON.stringify(d.key)} x${d.records}${d.identical ? ' (identical)' : ' (changed)'}`)
    .join(', ');
}
