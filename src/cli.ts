import { Command, CommanderError } from 'commander';
import { registerLoginCommand } from './commands/login-cli.js';
import { withoutOptionValues } from './commands/option-values.js';
import type { CommandContext, Runtime } from './commands/runtime.js';
import { configError, toFailure } from './errors.js';
import { createFailureReporter, protocolOf } from './protocol/failures.js';
import { ProtocolOutput } from './protocol/output.js';
import { Redactor } from './protocol/redactor.js';
import { flushLines } from './protocol/write-line.js';
import { CONNECTOR_VERSION } from './version.js';

/**
 * Runs the connector with `argv` (without node and script) and resolves to the exit code.
 * stdout receives protocol messages only; usage text and errors for people go to stderr.
 */
export async function run(argv: readonly string[], runtime: Partial<Runtime> = {}): Promise<number> {
  try {
    return await runCommand(argv, runtime);
  } finally {
    // Lines are written in chunks: whatever the command printed last goes out before it returns.
    await flushLines(runtime.stdout ?? process.stdout);
  }
}

async function runCommand(argv: readonly string[], runtime: Partial<Runtime>): Promise<number> {
  const stdout = runtime.stdout ?? process.stdout;
  const stderr = runtime.stderr ?? process.stderr;
  const now = runtime.now ?? Date.now;
  const redactor = runtime.redactor ?? new Redactor();
  const ctx: CommandContext = {
    stdout,
    stderr,
    stdin: runtime.stdin ?? process.stdin,
    now,
    retryTiming: runtime.retryTiming,
    signal: runtime.signal,
    redactor,
    output: new ProtocolOutput(stdout, redactor, now),
    failures: runtime.failures ?? createFailureReporter(protocolOf(argv), { stdout, stderr, redactor, now }),
  };
  let exitCode = 0;
  const program = buildProgram(ctx, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      // commander already told the person on stderr; an Airbyte platform reads failures from stdout too.
      if (protocolOf(argv) === 'airbyte') {
        const message = withoutOptionValues(error.message).replace(/^error: /, '');
        await ctx.failures.report(configError(`Invalid command line: ${message}. Run with --help for usage.`));
      }
      return 2;
    }
    await ctx.failures.report(toFailure(error, 'The command'));
    return 1;
  }
}

function buildProgram(ctx: CommandContext, setExitCode: (code: number) => void): Command {
  const program = new Command('source-peloton')
    .description('Airbyte-protocol source for Peloton workouts and workout performance metrics.')
    .version(CONNECTOR_VERSION, '-V, --version')
    .exitOverride()
    // stdout is reserved for protocol messages, so even --help and --version text goes to stderr.
    .configureOutput({
      writeOut: (text) => ctx.stderr.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: (text, write) => write(withoutOptionValues(text)),
    })
    .showHelpAfterError(false);

  // Each command's module is loaded only when it runs: `spec` then starts without the HTTP and validation stack.
  program
    .command('spec')
    .description('Print the connector specification')
    .action(async () => setExitCode(await (await import('./commands/spec.js')).specCommand(ctx)));
  program
    .command('check')
    .description('Check that the config can log in to Peloton')
    .requiredOption('--config <path>', 'config JSON file')
    .action(async (opts: { config: string }) => setExitCode(await (await import('./commands/check.js')).checkCommand(ctx, opts.config)));
  program
    .command('discover')
    .description('Print the catalog of streams')
    .requiredOption('--config <path>', 'config JSON file')
    .action(async (opts: { config: string }) =>
      setExitCode(await (await import('./commands/discover.js')).discoverCommand(ctx, opts.config)),
    );
  program
    .command('read')
    .description('Read records (and state) for the configured catalog')
    .requiredOption('--config <path>', 'config JSON file')
    .requiredOption('--catalog <path>', 'configured catalog JSON file')
    .option('--state <path>', 'state JSON file from a previous read')
    .action(async (opts: { config: string; catalog: string; state?: string }) =>
      setExitCode(await (await import('./commands/read.js')).readCommand(ctx, opts)),
    );
  program
    .command('singer')
    .description('Run as a Singer tap (also installed as `tap-peloton`)')
    .option('--config <path>', 'config JSON file')
    .option('--state <path>', 'Singer state file ({"bookmarks": ...})')
    .option('--catalog <path>', 'Singer catalog with the streams to sync selected')
    .option('--properties <path>', 'legacy name for --catalog')
    .option('--discover', 'print the Singer catalog')
    .option('--about', 'print what this tap is and can do')
    .option('--format <format>', 'format of --about: json or markdown', 'json')
    .option(
      '--test [mode]',
      'connection test: sync at most one record per selected stream and write no state; --test=schema prints only the SCHEMA messages',
    )
    .action(async (opts: Record<string, string | boolean>) =>
      setExitCode(await (await import('./singer/command.js')).singerCommand(ctx, opts)),
    );
  registerLoginCommand(program, ctx, setExitCode);
  for (const command of program.commands)
    command.option('--debug', 'log every HTTP request and its outcome (DEBUG messages; stderr in tap mode)');
  program.hook('preAction', (_program, action) => {
    ctx.debug = action.opts()['debug'] === true;
  });
  return program;
}
