import type { StreamDeclaration } from '../engine/declarations.js';
import { achievements } from './achievements.js';
import { challenges } from './challenges.js';
import { classSongs } from './class-songs.js';
import { instructors } from './instructors.js';
import { overview } from './overview.js';
import { personalRecords } from './personal-records.js';
import { rideDetails } from './ride-details.js';
import { rowerStrokes } from './rower-strokes.js';
import { strengthSets } from './strength-sets.js';
import { user } from './user.js';
import { workoutDetails } from './workout-details.js';
import { workoutLocations } from './workout-locations.js';
import { workoutMetrics } from './workout-metrics.js';
import { workoutSamples } from './workout-samples.js';
import { workouts } from './workouts.js';

/** Every stream this source offers, in catalog order; streams sharing a root request are read together. */
export const STREAMS: readonly StreamDeclaration[] = [
  workouts,
  workoutMetrics,
  workoutSamples,
  workoutLocations,
  rowerStrokes,
  workoutDetails,
  strengthSets,
  rideDetails,
  classSongs,
  user,
  overview,
  personalRecords,
  achievements,
  instructors,
  challenges,
];
