import type { ResolvedConfig } from '../config/config.js';
import type { PelotonApi } from '../peloton/api-client.js';
import type { FailureReporter } from '../protocol/failures.js';
import type { MessageSink } from '../protocol/sink.js';
import type { ProgressReporter } from './progress.js';

/** Everything one read run passes down: no module-level singletons. */
export interface ReadContext {
  config: ResolvedConfig;
  output: MessageSink;
  failures: FailureReporter;
  api: PelotonApi;
  progress: ProgressReporter;
  nowSeconds: () => number;
  /** At most this many records per stream (a connection test); the window is then left unfinished. */
  recordLimit?: number | undefined;
  /** Aborted when the process is asked to stop (SIGTERM/SIGINT). */
  signal?: AbortSignal | undefined;
}
