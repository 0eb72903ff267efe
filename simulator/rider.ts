import { createHash } from 'node:crypto';
import { hexId, intBetween, pick, round, streamOf } from './random.js';

/** The simulated member: fictional identity, body and fitness, all a function of the user id. */
export interface Rider {
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  obfuscatedEmail: string;
  location: string;
  gender: string;
  /** Unix seconds. */
  birthday: number;
  heightInches: number;
  weightPounds: number;
  maxHeartRate: number;
  /** Threshold power (watts) the member could hold for an hour at a given instant: the truth FTP tests measure. */
  fitnessAt(epochSeconds: number): number;
}

const FIRST_NAMES = ['Casey', 'Morgan', 'Riley', 'Quinn', 'Harper', 'Emerson', 'Rowan', 'Sage'];
const LAST_NAMES = ['Whitfield', 'Castellano', 'Okonkwo', 'Lindgren', 'Barros', 'Takeda', 'Fairbanks', 'Novak'];
const TOWNS = ['Maple Hollow, OR', 'Cedar Falls, VT', 'Riverbend, CO', 'Lakeshore, MI', 'Pinecrest, NC'];
const YEAR = 365.25 * 86_400;
const riders = new Map<string, Rider>();

export function riderOf(userId: string): Rider {
  let rider = riders.get(userId);
  if (rider === undefined) {
    rider = makeRider(userId);
    riders.set(userId, rider);
  }
  return rider;
}

function makeRider(userId: string): Rider {
  const random = streamOf('rider', userId);
  const firstName = pick(random, FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  const username = `${firstName}${lastName.slice(0, 3)}${intBetween(random, 10, 99)}`;
  const email = `${username.toLowerCase()}@example.com`;
  const maxHeartRate = intBetween(random, 176, 190);
  const age = 220 - maxHeartRate;
  const birthday = Date.UTC(2025 - age, intBetween(random, 0, 11), intBetween(random, 1, 28)) / 1000;
  const baseWatts = intBetween(random, 165, 225);
  const seasonal = intBetween(random, 10, 22);
  const longCycle = intBetween(random, 8, 18);
  const phase = random() * Math.PI * 2;
  return {
    firstName,
    lastName,
    username,
    email,
    obfuscatedEmail: createHash('sha256').update(email).digest('hex'),
    location: pick(random, TOWNS),
    gender: pick(random, ['female', 'male', 'non_binary']),
    birthday,
    heightInches: round(64 + random() * 10, 1),
    weightPounds: round(130 + random() * 70, 1),
    maxHeartRate,
    // Fitness rises and falls with the seasons and over a few years; it never depends on the history's length.
    fitnessAt: (t) =>
      baseWatts + seasonal * Math.sin((2 * Math.PI * t) / YEAR + phase) + longCycle * Math.sin((2 * Math.PI * t) / (5 * YEAR)),
  };
}

/** Heart-rate zone floors [0, 65 %, 75 %, 85 %, 95 %] of the maximum, as /api/me lists them. */
export const defaultHeartRateZones = (maxHeartRate: number): number[] =>
  [0, 0.65, 0.75, 0.85, 0.95].map((share) => round(share * maxHeartRate, 1));

/** A fictional id for the member's other records (referral code, paired devices). */
export const riderHex = (userId: string, what: string): string => hexId('rider', userId, what);
