import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { Command } from 'commander';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { renderRows } from './facts.js';

/**
 * `npm run sql -- "<query>"`: runs one SQL query on the demo's database (or `--db <file>`) through DuckDB's Node
 * client, read-only, and prints the rows as a table; for when the DuckDB command line is not installed.
 */
async function main(argv: string[]): Promise<void> {
  const command = new Command('sql')
    .description('Run a SQL query on a DuckDB database file (read-only) and print the rows')
    .argument('<query>', 'the SQL query, e.g. "SELECT fitness_discipline, count(*) FROM workouts GROUP BY ALL"')
    .option('--db <file>', 'the database file', join(PACKAGE_ROOT, 'demo-output', 'peloton.duckdb'))
    .parse(argv);
  const { db } = command.opts<{ db: string }>();
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const rows = (await connection.runAndReadAll(command.args[0]!)).getRowObjectsJS();
    process.stdout.write(rows.length === 0 ? '(no rows)\n' : `${renderRows(rows)}\n(${rows.length} rows)\n`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv).catch((error: unknown) => {
    process.stderr.write(`sql: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
