import { Command, CommanderError } from 'commander';
import { registerLoginCommand } from './commands/login-cli.js';
import { withoutOptionValues } from './commands/option-values.js';
import type { CommandContext, Runtime } from './commands/runtime.js';
import { streamSummary } from './commands/summary.js';
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
  const setExitCode = (code: number): void => void (exitCode = code);
  // `tap-peloton ARGS` runs `singer ARGS`, but its help and errors speak of tap-peloton.
  const tap = runtime.invokedAs === TAP_NAME && argv[0] === 'singer';
  const program = tap ? buildTapProgram(ctx, setExitCode) : buildProgram(ctx, setExitCode);
  try {
    await program.parseAsync(tap ? argv.slice(1) : [...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      // Commander prints nothing itself (see configureOutput): the protocol's failure reporter says it once.
      const what =
        error.code === 'commander.help'
          ? 'no command given; choose one of the commands listed above'
          : withoutOptionValues(error.message)
              .replace(/^error: /, '')
              .replace(/\s*\n\s*/g, ' ');
      await ctx.failures.report(configError(`Invalid command line: ${what}. Run \`${helpCommand(program, argv)}\` for usage.`));
      return USAGE_ERROR;
    }
    await ctx.failures.report(toFailure(error, 'The command'));
    return 1;
  }
}

/** The exit code of a command line that cannot be run, as shells use it. */
const USAGE_ERROR = 2;
const TAP_NAME = 'tap-peloton';

/** "source-peloton read --help" for a known command, else the program's own ("tap-peloton --help"). */
function helpCommand(program: Command, argv: readonly string[]): string {
  const command = program.commands.find((c) => c.name() === argv[0]);
  return command === undefined ? `${program.name()} --help` : `${program.name()} ${command.name()} --help`;
}

/** Settings every program shares: help and errors on stderr, exits through exceptions. */
function configured(program: Command, ctx: CommandContext, description: string): Command {
  return (
    program
      .description(description)
      .version(CONNECTOR_VERSION, '-V, --version')
      .exitOverride()
      // stdout is reserved for protocol messages, so even --help and --version text goes to stderr.
      .configureOutput({
        writeOut: (text) => ctx.stderr.write(text),
        writeErr: (text) => ctx.stderr.write(text),
        // run() reports command-line errors through the protocol's failure reporter instead.
        outputError: () => undefined,
      })
      .showHelpAfterError(false)
  );
}

function buildProgram(ctx: CommandContext, setExitCode: (code: number) => void): Command {
  const program = configured(
    new Command('source-peloton'),
    ctx,
    `Airbyte-protocol source (and Singer tap) for Peloton. ${streamSummary()}.`,
  );

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
  addSingerOptions(program.command('singer').description(`Run as a Singer tap (also installed as \`${TAP_NAME}\`)`), ctx, setExitCode);
  registerLoginCommand(program, ctx, setExitCode);
  for (const command of program.commands) addDebugOption(command, ctx);
  return program;
}

/** The `tap-peloton` executable: the `singer` command as a program of its own. */
function buildTapProgram(ctx: CommandContext, setExitCode: (code: number) => void): Command {
  const program = configured(new Command(TAP_NAME), ctx, `Singer tap for Peloton (the tap mode of source-peloton). ${streamSummary()}.`);
  return addDebugOption(addSingerOptions(program, ctx, setExitCode), ctx);
}

function addSingerOptions(command: Command, ctx: CommandContext, setExitCode: (code: number) => void): Command {
  return command
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
}

function addDebugOption(command: Command, ctx: CommandContext): Command {
  return command
    .option('--debug', 'log every HTTP request and its outcome (DEBUG messages; stderr in tap mode)')
    .hook('preAction', (_command, action) => {
      ctx.debug = action.opts()['debug'] === true;
    });
}
