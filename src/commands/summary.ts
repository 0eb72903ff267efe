import { STREAMS } from '../streams/registry.js';

/** The streams this source reads, from the registry, for help texts: "Streams: workouts, workout_metrics, …". */
export function streamSummary(): string {
  return `Streams: ${STREAMS.map((s) => s.name).join(', ')}`;
}
