import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { achievementsBody } from './achievements.js';
import { answerApi, API_ROUTES } from './api-routes.js';
import { Auth0Simulator, type Auth0Options } from './auth0.js';
import { challengeDetail, challengeListItem, joinedChallenges, type JoinedChallenge } from './challenges.js';
import { classSpecOf, NO_CLASS_ID } from './classes.js';
import { applyFault, FaultInjector, type FaultRule, type RouteName } from './faults.js';
import { readBody, sendHtml, sendJson } from './http.js';
import { WorkoutHistory, type HistoryOptions } from './history.js';
import { allInstructors } from './instructors.js';
import { overview } from './overview.js';
import { profile } from './profile.js';
import { hexId } from './random.js';
import { rideDetails } from './ride-details.js';
import type { Stroke } from './strokes.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { TokenIssuer, USER_ID_CLAIM } from './tokens.js';
import {
  achievementTruth,
  classSongTruth,
  locationTruth,
  personalRecordTruth,
  sampleTruth,
  strengthSetTruth,
  strokeTruth,
  type AchievementTruth,
  type LocationTruth,
  type SampleTruth,
} from './truth.js';
import { workoutDetail } from './workout-detail.js';

export interface SimulatorOptions extends Partial<HistoryOptions>, Auth0Options {
  port?: number;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Keep a log of every request (tests read it; benchmarks switch it off). */
  recordRequests?: boolean;
  now?: () => number;
  /** false: the member never earns an achievement (achievements answers `{categories: []}`, workouts carry none). */
  achievements?: boolean;
  /** false: the member is in no challenge (challenges/current answers `{challenges: []}`). */
  challenges?: boolean;
}

export interface LoggedRequest {
  route: RouteName;
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** When the request arrived (ms). */
  at: number;
}

/** By default the newest workout started ten minutes ago (whole hours, so data only changes hourly). */
export const defaultNewestAt = (nowMs: number): number => Math.floor(nowMs / 3_600_000) * 3_600 - 600;
export const DEFAULT_USER_ID = hexId('simulated-user');

const CLASS_ID = /^[0-9a-f]{32}$/;

/** A local stand-in for api.onepeloton.com and auth.onepeloton.com on one port. */
export class PelotonSimulator {
  readonly history: WorkoutHistory;
  readonly faults = new FaultInjector();
  readonly tokens: TokenIssuer;
  readonly auth0: Auth0Simulator;
  readonly requests: LoggedRequest[] = [];
  latencyMs: number;
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight = 0;
  peakInFlight = 0;
  /** Requests answered while the log was off (recordRequests: false), in all and per route. */
  requestCount = 0;
  private readonly unloggedByRoute = new Map<RouteName, number>();
  private server: Server | undefined;
  private readonly now: () => number;
  private timelineCache: { version: number; timeline: Timeline } | undefined;
  private readonly retired = new Set<string>();

  private constructor(private readonly options: SimulatorOptions) {
    this.now = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    this.history = new WorkoutHistory({
      workouts: options.workouts ?? 500,
      seed: options.seed ?? 1,
      newestAt: options.newestAt ?? defaultNewestAt(this.now()),
      userId: options.userId ?? DEFAULT_USER_ID,
      inProgress: options.inProgress ?? 1,
    });
    this.tokens = new TokenIssuer(() => Math.floor(this.now() / 1000));
    this.auth0 = new Auth0Simulator(this.tokens, this.history.userId, options, () => this.url, this.now);
  }

  static async start(options: SimulatorOptions = {}): Promise<PelotonSimulator> {
    const simulator = new PelotonSimulator(options);
    const server = createServer((req, res) => void simulator.handle(req, res));
    server.keepAliveTimeout = 30_000;
    simulator.server = server;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return simulator;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address === null || address === undefined ? '' : `http://127.0.0.1:${address.port}`;
  }

  /** A bearer token for the simulated user, as if copied from the browser. */
  issueAccessToken(ttlSeconds = 172_800): string {
    return this.tokens.issue(this.history.userId, ttlSeconds);
  }

  /** GET /api/me as the simulator answers it now. */
  profile(): Record<string, unknown> {
    return profile(this.history.userId, this.history.all(), this.timeline());
  }

  /** GET /api/workout/{id} (with joins=ride,ride.instructor unless told otherwise), or undefined where it answers 404. */
  workoutDetail(id: string, withInstructor = true): Record<string, unknown> | undefined {
    const workout = this.history.find(id);
    return workout === undefined ? undefined : workoutDetail(workout, this.timeline(), withInstructor);
  }

  /** GET /api/ride/{ride_id}/details, or undefined where it answers 4xx (Just Ride, gym, retired and unknown ids). */
  rideDetails(rideId: string): Record<string, unknown> | undefined {
    const spec = this.liveClass(rideId);
    return spec === undefined ? undefined : rideDetails(spec, this.history.workoutsOfRide(rideId));
  }

  /** GET /api/user/{user_id}/overview as the simulator answers it now. */
  overview(): Record<string, unknown> {
    return overview(this.history.userId, this.history.chronological(), this.timeline());
  }

  /** GET /api/user/{user_id}/achievements as the simulator answers it now. */
  achievementsBody(): Record<string, unknown> {
    return achievementsBody(this.timeline().achievementTotals.values());
  }

  /** GET /api/user/{user_id}/challenges/current?has_joined=true as the simulator answers it now. */
  challengesBody(): Record<string, unknown> {
    return { challenges: this.challengeTruth().map(challengeListItem) };
  }

  /** GET /api/user/{user_id}/challenge/{challenge_id}, or undefined where it answers 404. */
  challengeBody(challengeId: string): Record<string, unknown> | undefined {
    const challenge = this.challengeTruth().find((c) => c.summary.id === challengeId);
    return challenge === undefined ? undefined : challengeDetail(challenge);
  }

  /**
   * Retires classes: from now on their details answer 404 (workouts that took them keep their ride object).
   * Ids that name no class are ignored.
   */
  retireClasses(...rideIds: string[]): void {
    for (const id of rideIds) this.retired.add(id);
  }

  // Ground truth for tests, from the simulator's model (series, class plans, history, route models), never
  // from the JSON its routes render. Each takes the state of the history at the time of the call.

  /**
   * The samples of a workout's performance graph at every_n = `everyN` (default 1, every second with data):
   * `offsets` and, per metric slug and per alternative slug, one value per offset. At n > 1 the offsets are
   * the entries at positions 0, n, 2n, … of the per-second list plus its last; each value the maximum of the
   * per-second values from its position up to the next kept one (null if all are null). Undefined for an
   * unknown workout. `sampleRows` (truth.ts) turns it into workout_samples records.
   */
  sampleTruth(workoutId: string, everyN = 1): SampleTruth | undefined {
    const workout = this.history.find(workoutId);
    return workout === undefined ? undefined : sampleTruth(workout, everyN);
  }

  /**
   * The GPS fixes of a workout's graph at every_n (asked with Peloton-Platform: web), in order, each with the
   * segment_id and is_gap of its location_data element; [] indoors, undefined for an unknown workout.
   */
  locationTruth(workoutId: string, everyN = 1): LocationTruth[] | undefined {
    const workout = this.history.find(workoutId);
    return workout === undefined ? undefined : locationTruth(workout, everyN);
  }

  /** The rower strokes of a workout's graph (caesar_metrics.output.data[]); [] when it has none, undefined for an unknown workout. */
  strokeTruth(workoutId: string): Stroke[] | undefined {
    const workout = this.history.find(workoutId);
    return workout === undefined ? undefined : strokeTruth(workout);
  }

  /**
   * The strength sets of a workout's detail (movement_tracker_data…repetition_summary_data[]), each element as
   * sent plus `position` (its array index); [] when nothing was tracked, undefined for an unknown workout.
   */
  strengthSetTruth(workoutId: string): Array<{ position: number } & Record<string, unknown>> | undefined {
    const workout = this.history.find(workoutId);
    return workout === undefined ? undefined : strengthSetTruth(workout);
  }

  /** The songs of a class (playlist.songs[] of its details) with `position`; undefined where its details answer 4xx. */
  classSongTruth(rideId: string): Array<{ position: number } & Record<string, unknown>> | undefined {
    const spec = this.liveClass(rideId);
    return spec === undefined ? undefined : classSongTruth(spec);
  }

  /** Every personal record of the overview, with its group's slug as `discipline`, in the overview's order. */
  personalRecordTruth(): Array<{ discipline: string } & Record<string, unknown>> {
    return personalRecordTruth(this.history.chronological());
  }

  /** Every earned achievement: category, template and count, in the achievements route's order. */
  achievementTruth(): AchievementTruth[] {
    return achievementTruth(this.timeline());
  }

  /** Every instructor object GET /api/instructor pages through, in list order (every ride.instructor among them). */
  instructorTruth(): Array<Record<string, unknown>> {
    return allInstructors();
  }

  /** The challenges the member joined, with their tiers and progress (as of the newest workout). */
  challengeTruth(): JoinedChallenge[] {
    return this.options.challenges === false ? [] : joinedChallenges(this.history.chronological());
  }

  /** The class behind a ride id while its details answer: a class some workout took, not retired. */
  private liveClass(rideId: string): ReturnType<typeof classSpecOf> {
    if (!CLASS_ID.test(rideId) || rideId === NO_CLASS_ID || this.retired.has(rideId)) return undefined;
    return this.history.workoutsOfRide(rideId) === 0 ? undefined : classSpecOf(rideId);
  }

  /** FTP and achievements over the history, recomputed after the history changes. */
  private timeline(): Timeline {
    if (this.timelineCache?.version !== this.history.version) {
      const timeline = buildTimeline(this.history.chronological(), this.history.userId, this.options.achievements !== false);
      this.timelineCache = { version: this.history.version, timeline };
    }
    return this.timelineCache.timeline;
  }

  injectFaults(...rules: FaultRule[]): void {
    this.faults.add(...rules);
  }

  count(route: RouteName): number {
    return this.requests.filter((r) => r.route === route).length;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname.startsWith('/__simulator/')) {
      await this.control(req, res, url);
      return;
    }
    const apiMatch = API_ROUTES.map(([pattern, name]) => [pattern.exec(url.pathname), name] as const).find(([m]) => m !== null);
    const route: RouteName = apiMatch?.[1] ?? this.auth0.routeOf(req.method ?? 'GET', url.pathname) ?? 'not_found';
    if (this.options.recordRequests === false) {
      this.requestCount++;
      this.unloggedByRoute.set(route, (this.unloggedByRoute.get(route) ?? 0) + 1);
    } else {
      this.requests.push({
        route,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: req.headers.authorization,
        at: this.now(),
      });
    }
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    res.once('close', () => this.inFlight--);
    const body = await readBody(req);
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    const fault = this.faults.take(route);
    if (fault !== undefined) applyFault(fault, req, res);
    else if (apiMatch !== undefined) {
      const userId = this.authenticate(req);
      const [status, answer] =
        userId === undefined
          ? [401, { status: 401, error_code: 3020, message: 'Not logged in', subcode: '', details: {} }]
          : answerApi(this, userId, route, req, url, apiMatch[0]?.slice(1) ?? []);
      sendJson(res, status, answer);
    } else if (route !== 'not_found') this.auth0.handle(route, req, res, url, body);
    else sendHtml(res, 404, '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>');
  }

  private authenticate(req: IncomingMessage): string | undefined {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (match?.[1] === undefined) return undefined;
    const verdict = this.tokens.verify(match[1]);
    if (!verdict.ok || this.auth0.isRevoked(match[1])) return undefined;
    const userId = verdict.claims[USER_ID_CLAIM];
    return typeof userId === 'string' ? userId : undefined;
  }

  /** Control endpoints for driving a simulator in another process (demo, container test). */
  private async control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const input = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    const [status, answer] = this.answerControl(url.pathname, input);
    sendJson(res, status, answer);
  }

  private answerControl(path: string, input: Record<string, unknown>): [number, unknown] {
    switch (path) {
      case '/__simulator/token':
        return [200, { access_token: this.issueAccessToken(Number(input['ttl_seconds'] ?? 172_800)) }];
      case '/__simulator/workouts': {
        const rideIds = (input['ride_ids'] ?? []) as string[];
        try {
          const added = this.history.add(Number(input['count'] ?? 1), Number(input['in_progress'] ?? 0), { rideIds });
          return [200, { added: added.map((w) => w.id) }];
        } catch (error) {
          return [400, { message: (error as Error).message }];
        }
      }
      case '/__simulator/retire':
        this.retireClasses(...((input['ride_ids'] ?? []) as string[]));
        return [200, { retired: [...this.retired] }];
      case '/__simulator/complete':
        return [200, { completed: this.history.completeInProgress().map((w) => w.id) }];
      case '/__simulator/faults':
        this.faults.add(...((input['rules'] ?? []) as FaultRule[]));
        return [200, { pending: this.faults.pending }];
      case '/__simulator/stats':
        return [
          200,
          {
            workouts: this.history.all().length,
            total_requests: this.requestCount + this.requests.length,
            requests: Object.fromEntries(
              countBy(
                this.requests.map((r) => r.route),
                this.unloggedByRoute,
              ),
            ),
          },
        ];
      default:
        return [404, { message: 'unknown control endpoint' }];
    }
  }
}

function countBy(items: string[], start: ReadonlyMap<string, number>): Map<string, number> {
  const counts = new Map<string, number>(start);
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
