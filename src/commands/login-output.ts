import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writePrivateFile } from '../config/files.js';
import { configError } from '../errors.js';

/**
 * Throws a config_error, before anyone logs in, when `path` could not take the config: it exists
 * (and `force` is off), is a directory, or its folder is missing or not writable.
 */
export async function assertCanWrite(path: string, force: boolean): Promise<void> {
  const existing = await stat(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw configError(`The output file ${path} cannot be checked (${code ?? 'unknown error'}); no login was tried.`, error);
  });
  if (existing?.isDirectory() === true) throw configError(`The output file ${path} is a directory; no login was tried.`);
  if (existing !== undefined && !force) {
    throw configError(
      `The output file ${path} already exists, so no login was tried and nothing was written. Pass --force to replace it (to keep its other fields and replace only the credentials, use --config ${path} --output ${path} --force).`,
    );
  }
  const folder = dirname(path);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw configError(
      `The output file ${path} cannot be written: its folder ${folder} ${code === 'ENOENT' ? 'does not exist' : `is not writable (${code ?? 'unknown error'})`}; no login was tried.`,
      error,
    );
  }
}

/** Writes the logged-in config (see writePrivateFile), with an error that says nothing was saved. */
export async function writeConfigFile(path: string, text: string, force: boolean): Promise<void> {
  try {
    await writePrivateFile(path, text, force);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' ? 'it appeared meanwhile; pass --force to replace it' : (code ?? 'unknown error');
    throw configError(
      `Logged in, but the config could not be written to ${path} (${reason}). Nothing was saved; run the login again.`,
      error,
    );
  }
}
