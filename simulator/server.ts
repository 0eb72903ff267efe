import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Auth0Simulator, type Auth0Options } from './auth0.js';
import { classSpecOf, NO_CLASS_ID } from './classes.js';
import { applyFault, FaultInjector, type FaultRule, type RouteName } from './faults.js';
import { readBody, sendHtml, sendJson } from './http.js';
import { performanceGraph } from './graphs.js';
import { WorkoutHistory, type HistoryOptions } from './history.js';
import { overview } from './overview.js';
import { profile } from './profile.js';
import { hexId } from './random.js';
import { rideDetails } from './ride-details.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { TokenIssuer, USER_ID_CLAIM } from './tokens.js';
import { workoutDetail } from './workout-detail.js';

export interface SimulatorOptions extends Partial<HistoryOptions>, Auth0Options {
  port?: number;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Keep a log of every request (tests read it; benchmarks switch it off). */
  recordRequests?: boolean;
  now?: () => number;
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

const API_ROUTES: Array<[RegExp, RouteName]> = [
  [/^\/api\/me$/, 'me'],
  [/^\/api\/user\/([^/]+)\/workouts$/, 'workouts'],
  [/^\/api\/user\/([^/]+)\/overview$/, 'overview'],
  [/^\/api\/workout\/([^/]+)\/performance_graph$/, 'performance_graph'],
  [/^\/api\/workout\/([^/]+)$/, 'workout_detail'],
  [/^\/api\/ride\/([^/]+)\/details$/, 'ride_details'],
];

const CLASS_ID = /^[0-9a-f]{32}$/;
const FORBIDDEN = { status: 403, error_code: 3030, message: 'Forbidden' };
const WORKOUT_NOT_FOUND = { status: 404, error_code: 3001, message: 'Workout not found' };

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

  /** GET /api/ride/{ride_id}/details, or undefined where it answers 4xx (Just Ride, gym, unknown ids). */
  rideDetails(rideId: string): Record<string, unknown> | undefined {
    const spec = CLASS_ID.test(rideId) && rideId !== NO_CLASS_ID ? classSpecOf(rideId) : undefined;
    const taken = this.history.workoutsOfRide(rideId);
    return spec === undefined || taken === 0 ? undefined : rideDetails(spec, taken);
  }

  /** GET /api/user/{user_id}/overview as the simulator answers it now. */
  overview(): Record<string, unknown> {
    return overview(this.history.userId, this.history.chronological(), this.timeline());
  }

  /** FTP and achievements over the history, recomputed after the history changes. */
  private timeline(): Timeline {
    if (this.timelineCache?.version !== this.history.version) {
      this.timelineCache = { version: this.history.version, timeline: buildTimeline(this.history.chronological(), this.history.userId) };
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
      const [status, answer] = this.answerApi(route, req, url, apiMatch[0]?.[1] ?? '');
      sendJson(res, status, answer);
    } else if (route !== 'not_found') this.auth0.handle(route, req, res, url, body);
    else sendHtml(res, 404, '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>');
  }

  /** The status and body of an API route, given the route's path parameter as sent. */
  private answerApi(route: RouteName, req: IncomingMessage, url: URL, rawParam: string): [number, unknown] {
    const userId = this.authenticate(req);
    if (userId === undefined) return [401, { status: 401, error_code: 3020, message: 'Not logged in', subcode: '', details: {} }];
    const param = decodeURIComponent(rawParam);
    const joins = (url.searchParams.get('joins') ?? '').split(',');
    switch (route) {
      case 'me':
        return [200, this.profile()];
      case 'workouts': {
        if (param !== userId) return [403, FORBIDDEN];
        const page = Number(url.searchParams.get('page') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 20);
        return [200, this.history.page(page, limit, joins.includes('ride'), joins.includes('ride.instructor'))];
      }
      case 'overview':
        if (param !== userId) return [403, FORBIDDEN];
        // Clients send Peloton-Platform: web for this route; what the real API answers without it is unrecorded.
        if (req.headers['peloton-platform'] !== 'web')
          return [400, { status: 400, error_code: 3002, message: 'This endpoint requires the Peloton-Platform: web header' }];
        return [200, this.overview()];
      case 'workout_detail': {
        const detail = this.workoutDetail(param, joins.includes('ride.instructor'));
        return detail === undefined ? [404, WORKOUT_NOT_FOUND] : [200, detail];
      }
      case 'ride_details': {
        const details = this.rideDetails(param);
        if (details !== undefined) return [200, details];
        // Gym workouts' dashed UUIDs are not class ids: refused as a bad request. Just Ride's 32 zeros and
        // unknown ids name no class: 404. Clients skip any 4xx (the real statuses are unrecorded).
        if (!CLASS_ID.test(param)) return [400, { status: 400, error_code: 3002, message: 'Invalid ride id' }];
        return [404, { status: 404, error_code: 3001, message: 'Ride not found' }];
      }
      default: {
        const workout = this.history.find(param);
        if (workout === undefined) return [404, WORKOUT_NOT_FOUND];
        return [200, performanceGraph(workout, Number(url.searchParams.get('every_n') ?? 5))];
      }
    }
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
      case '/__simulator/workouts':
        return [200, { added: this.history.add(Number(input['count'] ?? 1), Number(input['in_progress'] ?? 0)).map((w) => w.id) }];
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
