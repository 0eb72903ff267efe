import type { StreamDeclaration } from '../engine/declarations.js';
import { workoutMetrics } from './workout-metrics.js';
import { workouts } from './workouts.js';

/** Every stream this source offers, parents before their children. */
export const STREAMS: readonly StreamDeclaration[] = [workouts, workoutMetrics];
