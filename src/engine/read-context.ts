import type { ResolvedConfig } from '../config/config.js';
import type { PelotonApi } from '../peloton/api-client.js';
import type { ProtocolOutput } from '../protocol/output.js';
import type { ProgressReporter } from './progress.js';

/** Everything one read run passes down: no module-level singletons. */
export interface ReadContext {
  config: ResolvedConfig;
  output: ProtocolOutput;
  api: PelotonApi;
  progress: ProgressReporter;
  nowSeconds(): number;
  /** Aborted when the process is asked to stop (SIGTERM/SIGINT). */
  signal?: AbortSignal | undefined;
}
