import type { StreamDeclaration } from '../engine/declarations.js';
import { overview } from './overview.js';
import { rideDetails } from './ride-details.js';
import { user } from './user.js';
import { workoutDetails } from './workout-details.js';
import { workoutMetrics } from './workout-metrics.js';
import { workouts } from './workouts.js';

/** Every stream this source offers, in catalog and reading order; a list before the children it feeds. */
export const STREAMS: readonly StreamDeclaration[] = [workouts, workoutMetrics, workoutDetails, rideDetails, user, overview];
