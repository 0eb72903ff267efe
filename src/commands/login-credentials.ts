import { createInterface, type Interface } from 'node:readline';
import { Writable, type Readable } from 'node:stream';
import { configError } from '../errors.js';

/** stdin as the login command sees it: a terminal (isTTY) or a pipe. */
export type LoginInput = Readable & { isTTY?: boolean };

export interface TypedCredentials {
  username: string;
  password: string;
}

const SCRIPT_USAGE =
  'pass --username EMAIL and the password on stdin with --password-stdin, e.g. `source-peloton login --username you@example.com --password-stdin < password.txt`';

/**
 * The email and password for one login: the password from stdin with `passwordStdin`, else asked
 * on the terminal (prompts on stderr, the password not echoed). Without a terminal, says how to script it.
 */
export async function readCredentials(
  stdin: LoginInput,
  stderr: Writable,
  options: { username?: string | undefined; passwordStdin?: boolean | undefined },
): Promise<TypedCredentials> {
  if (options.passwordStdin === true) {
    if (options.username === undefined)
      throw configError(`--password-stdin needs --username: stdin carries only the password. To log in from a script, ${SCRIPT_USAGE}.`);
    return { username: nonEmpty(options.username, 'The username'), password: await readPasswordFromStdin(stdin) };
  }
  if (stdin.isTTY !== true)
    throw configError(`stdin is not a terminal, so the password cannot be asked for. To log in from a script, ${SCRIPT_USAGE}.`);
  return promptOnTerminal(stdin, stderr, options.username);
}

/** All of stdin, minus one trailing newline (`\n` or `\r\n`), as `docker login --password-stdin` reads it. */
export async function readPasswordFromStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  let password = Buffer.concat(chunks).toString('utf8');
  if (password.endsWith('\n')) password = password.slice(0, -1);
  if (password.endsWith('\r')) password = password.slice(0, -1);
  if (password === '') throw configError('--password-stdin read an empty password from stdin.');
  return password;
}

async function promptOnTerminal(stdin: LoginInput, stderr: Writable, username: string | undefined): Promise<TypedCredentials> {
  let muted = false;
  // readline echoes what is typed to its output: while the password is typed, that echo is dropped.
  const echo = new Writable({
    write(chunk: Buffer | string, encoding: BufferEncoding, done: (error?: Error | null) => void): void {
      if (!muted) stderr.write(chunk, encoding);
      done();
    },
  });
  const terminal = createInterface({ input: stdin, output: echo, terminal: true, historySize: 0 });
  const lines = lineReader(terminal);
  let prompting = false;
  try {
    let email = username;
    if (email === undefined) {
      terminal.setPrompt('Peloton email: ');
      terminal.prompt();
      prompting = true;
      email = await lines.next();
      prompting = false;
    }
    // Muted before the prompt shows, so not one typed character can be echoed.
    const passwordPrompt = 'Peloton password (not shown): ';
    muted = true;
    terminal.setPrompt(passwordPrompt);
    terminal.prompt();
    stderr.write(passwordPrompt);
    prompting = true;
    const password = await lines.next();
    prompting = false;
    muted = false;
    stderr.write('\n');
    return { username: nonEmpty(email.trim(), 'The email'), password: nonEmpty(password, 'The password') };
  } catch (error) {
    // Cancelled mid-prompt: end the prompt's line so the message starts on its own.
    if (prompting) stderr.write('\n');
    throw error;
  } finally {
    muted = false;
    terminal.close();
  }
}

/** Lines in the order they were typed, even when several arrive before anyone asks. */
function lineReader(terminal: Interface): { next(): Promise<string> } {
  const typed: string[] = [];
  let waiting: { resolve(line: string): void; reject(error: Error): void } | undefined;
  let ended: Error | undefined;
  const end = (error: Error): void => {
    ended ??= error;
    waiting?.reject(ended);
    waiting = undefined;
  };
  terminal.on('line', (line: string) => {
    if (waiting === undefined) typed.push(line);
    else {
      waiting.resolve(line);
      waiting = undefined;
    }
  });
  terminal.on('SIGINT', () => {
    end(configError('Login cancelled.'));
    terminal.close();
  });
  terminal.on('close', () => end(configError('Login cancelled: the terminal closed before the email and password were entered.')));
  return {
    next: () => {
      const line = typed.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended !== undefined) return Promise.reject(ended);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
  };
}

function nonEmpty(value: string, what: string): string {
  if (value === '') throw configError(`${what} is empty.`);
  return value;
}
