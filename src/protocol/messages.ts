/** The subset of the Airbyte protocol (v0.18) that this source speaks. */

export type JsonObject = Record<string, unknown>;
export type FailureType = 'system_error' | 'config_error' | 'transient_error';
export type LogLevel = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';
export type StreamStatus = 'STARTED' | 'RUNNING' | 'COMPLETE' | 'INCOMPLETE';
export type SyncMode = 'full_refresh' | 'incremental';
export type DestinationSyncMode = 'append' | 'overwrite' | 'append_dedup' | 'update';

export interface StreamDescriptor {
  name: string;
  namespace?: string;
}

export interface RecordMessage {
  type: 'RECORD';
  record: { stream: string; data: JsonObject; emitted_at: number };
}

export interface StreamStateMessage {
  type: 'STATE';
  state: {
    type: 'STREAM';
    stream: { stream_descriptor: StreamDescriptor; stream_state: JsonObject };
    sourceStats: { recordCount: number };
  };
}

export interface LogMessage {
  type: 'LOG';
  log: { level: LogLevel; message: string; stack_trace?: string };
}

export interface StreamStatusReason {
  type: 'RATE_LIMITED';
  rate_limited?: { quota_reset?: number };
}

export type TraceBody =
  | {
      type: 'ERROR';
      error: {
        message: string;
        internal_message?: string;
        stack_trace?: string;
        failure_type: FailureType;
        stream_descriptor?: StreamDescriptor;
      };
    }
  | { type: 'ESTIMATE'; estimate: { name: string; type: 'STREAM'; row_estimate: number } }
  | { type: 'STREAM_STATUS'; stream_status: { stream_descriptor: StreamDescriptor; status: StreamStatus; reasons?: StreamStatusReason[] } };

export type TraceMessage = { type: 'TRACE'; trace: TraceBody & { emitted_at: number } };

export interface ControlMessage {
  type: 'CONTROL';
  control: { type: 'CONNECTOR_CONFIG'; emitted_at: number; connectorConfig: { config: JsonObject } };
}

export interface SpecMessage {
  type: 'SPEC';
  spec: {
    documentationUrl: string;
    connectionSpecification: JsonObject;
    supportsIncremental: boolean;
    supported_destination_sync_modes: DestinationSyncMode[];
    protocol_version: string;
  };
}

export interface ConnectionStatusMessage {
  type: 'CONNECTION_STATUS';
  connectionStatus: { status: 'SUCCEEDED' | 'FAILED'; message?: string };
}

export interface AirbyteStream {
  name: string;
  json_schema: JsonObject;
  supported_sync_modes: SyncMode[];
  source_defined_cursor: boolean;
  default_cursor_field?: string[];
  source_defined_primary_key: string[][];
  is_resumable: boolean;
}

export interface CatalogMessage {
  type: 'CATALOG';
  catalog: { streams: AirbyteStream[] };
}

export type AirbyteMessage =
  RecordMessage | StreamStateMessage | LogMessage | TraceMessage | ControlMessage | SpecMessage | ConnectionStatusMessage | CatalogMessage;

export const PROTOCOL_VERSION = '0.2.0';
