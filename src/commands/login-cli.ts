import { Option, type Command } from 'commander';
import { loginMethodSetting } from '../config/spec.js';
import type { LoginOptions } from './login.js';
import type { CommandContext } from './runtime.js';

const HELP_AFTER = `
Logs in to Peloton once with your email and password and prints a config whose credentials are an
OAuth refresh token ({"auth_type": "oauth", "refresh_token": ..., "client_id": ...}); the password is
never stored. Unlike every other command, its stdout is not Airbyte messages: it is that config JSON
(or nothing, with --output). Prompts, notes and errors go to stderr.

On a terminal it asks for the email and then the password (not echoed). In scripts, pass the email
with --username and the password on stdin with --password-stdin (one trailing newline is dropped).
There is no --password option: a password in the arguments ends up in shell history and process lists.

--config FILE starts from that config (base URLs, login settings and every other field are kept,
only "credentials" is replaced). --output FILE writes the result with mode 0600 and refuses to replace
an existing file without --force (so writing back to the --config file needs --force too).

Examples:
  source-peloton login --output secrets/config.json
  source-peloton login --username you@example.com --password-stdin --output config.json < password.txt
  source-peloton login --config config.json --output config.json --force --login-method web
`;

/** Adds `login` to the program; its module loads only when it runs. */
export function registerLoginCommand(program: Command, ctx: CommandContext, setExitCode: (code: number) => void): void {
  const loginMethod = loginMethodSetting();
  program
    .command('login')
    .description('Log in once and print (or write) a config with a refresh token instead of the password')
    .option('--username <email>', 'Peloton email or username (asked on a terminal when missing)')
    .option('--password-stdin', 'read the password from stdin instead of asking for it')
    .addOption(new Option('--login-method <method>', 'Auth0 flow to log in with').choices(loginMethod.choices).default(loginMethod.default))
    .option('--config <path>', 'config JSON to start from (base URLs, login settings and other fields are kept)')
    .option('--output <path>', 'write the config to this file (mode 0600) instead of stdout')
    .option('--force', 'replace --output if it exists')
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: LoginOptions) => setExitCode(await (await import('./login.js')).loginCommand(ctx, opts)));
}
