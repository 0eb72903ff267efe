import { open, readFile, rename, unlink } from 'node:fs/promises';
import { configError } from '../errors.js';

/** Reads a JSON input file (config, catalog, state) with an error a person can act on. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'cannot be read (permission denied)'
            : `cannot be read (${code ?? 'unknown error'})`;
    throw configError(`The ${what} file ${path} ${reason}.`, error);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8's message quotes the file's text, which may hold a password: report only where it broke.
    throw configError(`The ${what} file ${path} is not valid JSON (${syntaxErrorLocation(text, error)}).`);
  }
}

function syntaxErrorLocation(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (text.trim() === '') return 'the file is empty';
  if (/end of JSON input/i.test(message)) return 'it ends too early';
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return 'syntax error';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `syntax error at line ${line}, column ${column}`;
}

/** Only the owner may read or write a file holding a refresh token. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes `text` to `path` with mode 0600 whatever the umask. Without `replace` the file must not exist
 * (created exclusively); with it, a complete new file replaces the old one at once (written beside it,
 * then renamed), so no reader ever sees half a config. On failure nothing is left behind, and the file
 * system's error is thrown as it came.
 */
export async function writePrivateFile(path: string, text: string, replace: boolean): Promise<void> {
  const target = replace ? `${path}.${process.pid}.tmp` : path;
  let created = false;
  try {
    const file = await open(target, replace ? 'w' : 'wx', PRIVATE_FILE_MODE);
    created = true;
    try {
      // The mode given to open() is narrowed by the umask; this makes it exactly 0600.
      await file.chmod(PRIVATE_FILE_MODE);
      await file.writeFile(text, 'utf8');
    } finally {
      await file.close();
    }
    if (replace) await rename(target, path);
  } catch (error) {
    // The rename, if it happened, was the last step: anything caught here left `target` unfinished.
    if (created) await unlink(target).catch(() => undefined);
    throw error;
  }
}
