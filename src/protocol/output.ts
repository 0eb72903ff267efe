import type { Writable } from 'node:stream';
import type { AirbyteMessage, JsonObject, LogLevel, StreamStatus, StreamStatusReason, TraceBody } from './messages.js';
import type { Redactor } from './redactor.js';
import type { FailureType } from './messages.js';
import type { MessageSink } from './sink.js';
import { writeLine } from './write-line.js';

export interface ErrorReport {
  message: string;
  failureType: FailureType;
  internalMessage?: string;
  stackTrace?: string;
  stream?: string;
}

/**
 * Everything the connector prints on stdout in Airbyte mode goes through here: one JSON message per
 * line, respecting back-pressure. Human-readable text (logs, errors) is redacted on the way out.
 */
export class ProtocolOutput implements MessageSink {
  /** The start of a RECORD line, per stream. */
  private readonly recordHeads = new Map<string, string>();

  constructor(
    private readonly stdout: Writable,
    readonly redactor: Redactor,
    private readonly now: () => number = Date.now,
  ) {}

  async write(message: AirbyteMessage): Promise<void> {
    await writeLine(this.stdout, JSON.stringify(message));
  }

  /** A RECORD message, written out by hand: the hottest path of a read (the same JSON as write() would give). */
  record(stream: string, data: JsonObject): Promise<void> | undefined {
    let head = this.recordHeads.get(stream);
    if (head === undefined) this.recordHeads.set(stream, (head = `{"type":"RECORD","record":{"stream":${JSON.stringify(stream)},"data":`));
    return writeLine(this.stdout, head + JSON.stringify(data) + ',"emitted_at":' + String(this.now()) + '}}');
  }

  state(stream: string, streamState: JsonObject, recordCount: number): Promise<void> {
    return this.write({
      type: 'STATE',
      state: {
        type: 'STREAM',
        stream: { stream_descriptor: { name: stream }, stream_state: streamState },
        sourceStats: { recordCount },
      },
    });
  }

  log(level: LogLevel, message: string): Promise<void> {
    return this.write({ type: 'LOG', log: { level, message: this.redactor.redact(message) } });
  }

  streamStatus(stream: string, status: StreamStatus, reasons?: StreamStatusReason[]): Promise<void> {
    const body = { stream_descriptor: { name: stream }, status, ...(reasons === undefined ? {} : { reasons }) };
    return this.trace({ type: 'STREAM_STATUS', stream_status: body });
  }

  estimate(stream: string, rows: number): Promise<void> {
    return this.trace({ type: 'ESTIMATE', estimate: { name: stream, type: 'STREAM', row_estimate: Math.max(0, Math.round(rows)) } });
  }

  /** A TRACE ERROR; only the FailureReporter calls this, so failures have one rendering. */
  error(details: ErrorReport): Promise<void> {
    const r = (text: string): string => this.redactor.redact(text);
    return this.trace({
      type: 'ERROR',
      error: {
        message: r(details.message),
        failure_type: details.failureType,
        ...(details.internalMessage === undefined ? {} : { internal_message: r(details.internalMessage) }),
        ...(details.stackTrace === undefined ? {} : { stack_trace: r(details.stackTrace) }),
        ...(details.stream === undefined ? {} : { stream_descriptor: { name: details.stream } }),
      },
    });
  }

  /** Hands an updated config (e.g. a rotated refresh token) to the platform, which persists it. */
  connectorConfig(config: JsonObject): Promise<void> {
    return this.write({
      type: 'CONTROL',
      control: { type: 'CONNECTOR_CONFIG', emitted_at: this.now(), connectorConfig: { config } },
    });
  }

  private trace(body: TraceBody): Promise<void> {
    return this.write({ type: 'TRACE', trace: { ...body, emitted_at: this.now() } });
  }
}
