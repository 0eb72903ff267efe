import { constants } from 'node:fs';
import { access, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { configError } from '../errors.js';

/** Only the owner may read or write a file holding a refresh token. */
export const CONFIG_FILE_MODE = 0o600;

/**
 * Throws a config_error, before anyone logs in, when `path` could not take the config: it exists
 * (and `force` is off), is a directory, or its folder is missing or not writable.
 */
export async function assertCanWrite(path: string, force: boolean): Promise<void> {
  const existing = await stat(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw configError(`The output file ${path} cannot be checked (${code ?? 'unknown error'}).`, error);
  });
  if (existing?.isDirectory() === true) throw configError(`The output file ${path} is a directory.`);
  if (existing !== undefined && !force) {
    throw configError(
      `The output file ${path} already exists; nothing was done. Pass --force to replace it (to keep its other fields and replace only the credentials, use --config ${path} --output ${path} --force).`,
    );
  }
  const folder = dirname(path);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw configError(
      `The output file ${path} cannot be written: its folder ${folder} ${code === 'ENOENT' ? 'does not exist' : `is not writable (${code ?? 'unknown error'})`}.`,
      error,
    );
  }
}

/**
 * Writes `text` to `path` with mode 0600. Without `force` the file must not exist (created
 * exclusively); with it, a complete new file replaces the old one at once (written beside it, then renamed).
 */
export async function writeConfigFile(path: string, text: string, force: boolean): Promise<void> {
  const target = force ? `${path}.${process.pid}.tmp` : path;
  let created = false;
  try {
    const file = await open(target, 'wx', CONFIG_FILE_MODE);
    created = true;
    try {
      // The mode given to open() is narrowed by the umask; this makes it exactly 0600.
      await file.chmod(CONFIG_FILE_MODE);
      await file.writeFile(text, 'utf8');
    } finally {
      await file.close();
    }
    if (force) await rename(target, path);
  } catch (error) {
    // Never leave a half-written file behind (the rename, if it happened, was the last step).
    if (created) await unlink(target).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' ? 'it appeared meanwhile; pass --force to replace it' : (code ?? 'unknown error');
    throw configError(
      `Logged in, but the config could not be written to ${path} (${reason}). Nothing was saved; run the login again.`,
      error,
    );
  }
}
