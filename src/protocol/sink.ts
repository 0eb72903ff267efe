import type { JsonObject, LogLevel, StreamStatus, StreamStatusReason } from './messages.js';
import type { Redactor } from './redactor.js';

/**
 * Where a run's output goes: the engine and the authenticators speak to this, and each protocol
 * (Airbyte on stdout, Singer on stdout with logs on stderr) renders it its own way. Failures go
 * through the protocol's FailureReporter.
 */
export interface MessageSink {
  readonly redactor: Redactor;
  /** Undefined when the record is written without waiting (the hot path of a read). */
  record(stream: string, data: JsonObject): Promise<void> | undefined;
  /** `recordCount`: records of this stream since its previous state. */
  state(stream: string, streamState: JsonObject, recordCount: number): Promise<void>;
  log(level: LogLevel, message: string): Promise<void>;
  streamStatus(stream: string, status: StreamStatus, reasons?: StreamStatusReason[]): Promise<void>;
  estimate(stream: string, rows: number): Promise<void>;
  /** Hands an updated config (a rotated refresh token) to whoever stores the config. */
  connectorConfig(config: JsonObject): Promise<void>;
}
