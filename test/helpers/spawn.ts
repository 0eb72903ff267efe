import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseOutput, type CliResult } from './cli.js';

const bin = fileURLToPath(new URL('../../bin/source-peloton.js', import.meta.url));

export interface SpawnOptions {
  /** SIGKILL the process once this many RECORD lines have been printed. */
  killAfterRecords?: number;
  /** Send this signal once this many RECORD lines have been printed. */
  signalAfterRecords?: { records: number; signal: NodeJS.Signals };
}

/** Runs the built CLI (`npm run build` first) as a real process; a killed run keeps its complete lines. */
export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let records = 0;
    let counted = 0;
    let signalled = false;
    // Decoded as a stream, so a character split across chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      // Count complete lines only: a chunk may end inside a line (or inside its "type").
      const complete = out.lastIndexOf('\n') + 1;
      for (const line of out.slice(counted, complete).split('\n')) if (line.startsWith('{"type":"RECORD"')) records++;
      counted = complete;
      if (options.killAfterRecords !== undefined && records >= options.killAfterRecords) child.kill('SIGKILL');
      if (options.signalAfterRecords !== undefined && !signalled && records >= options.signalAfterRecords.records) {
        signalled = true;
        child.kill(options.signalAfterRecords.signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // A killed process may leave half a line: a real platform discards it too.
      const complete = out.endsWith('\n') ? out : out.slice(0, out.lastIndexOf('\n') + 1);
      resolve({ ...parseOutput(code ?? 1, complete, err), signal });
    });
  });
}
