import type { Writable } from 'node:stream';
import { countOf } from '../commands/wording.js';
import { writePrivateFile } from '../config/files.js';
import { cursorFieldOf, type StreamDeclaration } from '../engine/declarations.js';
import type { JsonObject, LogLevel, StreamStatus } from '../protocol/messages.js';
import type { Redactor } from '../protocol/redactor.js';
import type { MessageSink } from '../protocol/sink.js';
import { writeLine } from '../protocol/write-line.js';
import { loadSchema } from '../schemas.js';

/** A line for people on stderr in tap mode: the level, then the redacted message. */
export function writeSingerLog(stderr: Writable, redactor: Redactor, level: LogLevel, message: string): void {
  stderr.write(`${level} ${redactor.redact(message)}\n`);
}

export interface SingerRun {
  stdout: Writable;
  stderr: Writable;
  redactor: Redactor;
  streams: readonly StreamDeclaration[];
  /** Top-level properties deselected in the catalog, per stream: dropped from records. */
  deselected: ReadonlyMap<string, ReadonlySet<string>>;
  /** Bookmarks of streams not read in this run, carried along so no STATE forgets them. */
  carried: Record<string, JsonObject>;
  configPath: string;
  /** False for a connection test (--test): nothing it read may move a bookmark. */
  writeState: boolean;
  /** A connection test reads at most this many records per stream; estimates never claim more. */
  recordLimit?: number | undefined;
  now?: () => number;
}

/**
 * Singer rendering of a run: SCHEMA before a stream's first RECORD, RECORD with time_extracted,
 * STATE as {"bookmarks": {...}} for every stream; everything for people goes to stderr as text.
 */
export class SingerSink implements MessageSink {
  private readonly schemasSent = new Set<string>();
  private readonly bookmarks: Record<string, JsonObject> = {};

  private readonly stdout: Writable;
  private readonly stderr: Writable;
  readonly redactor: Redactor;
  private readonly now: () => number;

  constructor(private readonly run: SingerRun) {
    this.stdout = run.stdout;
    this.stderr = run.stderr;
    this.redactor = run.redactor;
    this.now = run.now ?? Date.now;
    Object.assign(this.bookmarks, run.carried);
  }

  async record(stream: string, data: JsonObject): Promise<void> {
    if (!this.schemasSent.has(stream)) await this.sendSchema(stream);
    const dropped = this.run.deselected.get(stream);
    const record =
      dropped === undefined || dropped.size === 0 ? data : Object.fromEntries(Object.entries(data).filter(([key]) => !dropped.has(key)));
    await this.write({ type: 'RECORD', stream, record, time_extracted: new Date(this.now()).toISOString() });
  }

  async state(stream: string, streamState: JsonObject): Promise<void> {
    if (!this.run.writeState) return;
    // A stream without a cursor (a profile) has nothing to bookmark.
    if (Object.keys(streamState).length === 0 && this.bookmarks[stream] === undefined) return;
    this.bookmarks[stream] = streamState;
    await this.write({ type: 'STATE', value: { bookmarks: { ...this.bookmarks } } });
  }

  async log(level: LogLevel, message: string): Promise<void> {
    writeSingerLog(this.stderr, this.redactor, level, message);
  }

  async streamStatus(stream: string, status: StreamStatus): Promise<void> {
    if (status !== 'RUNNING') this.stderr.write(`INFO stream ${stream}: ${status}\n`);
  }

  async estimate(stream: string, rows: number): Promise<void> {
    const about = Math.max(0, Math.round(rows));
    const limit = this.run.recordLimit;
    const text =
      limit !== undefined && about > limit
        ? `at most ${countOf(limit, 'record')} to read (a connection test)`
        : `about ${countOf(about, 'record')} to read`;
    this.stderr.write(`INFO stream ${stream}: ${text}\n`);
  }

  /** Singer has no channel for an updated config, so a rotated refresh token is written back to the config file. */
  async connectorConfig(config: JsonObject): Promise<void> {
    await writePrivateFile(this.run.configPath, JSON.stringify(config, null, 2) + '\n', true);
    this.stderr.write(`INFO Peloton rotated the refresh token; ${this.run.configPath} was updated with the new one.\n`);
  }

  /** The SCHEMA message of a stream (sent once, before its first RECORD). */
  async sendSchema(stream: string): Promise<void> {
    const declaration = this.run.streams.find((s) => s.name === stream);
    if (declaration === undefined) return;
    this.schemasSent.add(stream);
    const cursorField = cursorFieldOf(declaration);
    await this.write({
      type: 'SCHEMA',
      stream,
      schema: loadSchema(declaration.schemaFile),
      key_properties: declaration.primaryKey.map((path) => path.join('.')),
      ...(cursorField === undefined ? {} : { bookmark_properties: [cursorField] }),
    });
  }

  private async write(message: JsonObject): Promise<void> {
    await writeLine(this.stdout, JSON.stringify(message));
  }
}
