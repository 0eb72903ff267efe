import { pageLimit, workoutListEnvelope } from '../../simulator/envelope.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readOverviewEvidence, readPayloads, type JsonBody, type Payload } from './real-payloads.js';

/** The account every captured workout was normalised to (real-payloads/README.md). */
export const SERVED_USER_ID = '9d50dddf7e594c57bda54280eeec98d7';

/** An unsigned JWT carrying the user id claim the connector reads, valid for years. */
export function bearerToken(userId: string): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ 'http://onepeloton.com/user_id': userId, exp: 4_102_444_800 })}.`;
}

/** The real bodies a replay server answers with (see real-payloads.ts for loading them). */
export interface ReplayPayloads {
  /** Workout list items (or details), served as the user's workout list. */
  workouts: Payload[];
  /** Performance graphs, by workout id (the file name). */
  graphs: Map<string, JsonBody>;
  /** Workout detail bodies, by their `id`. */
  workoutDetails: Payload[];
  /** Class details bodies, by their `ride.id`. */
  rideDetails: Payload[];
  /** The body of GET /api/me. */
  me: JsonBody;
  /** The body of GET /api/user/{id}/overview, without `id` (the route adds the requested user id). */
  overview: JsonBody;
  /** Instructor objects, served in this order as GET /api/instructor?page&limit pages `{data, total}`. */
  instructors: JsonBody[];
}

/** The workout id a graphs/ file is named by. */
export const graphWorkoutId = (file: string): string => file.replace(/^graphs\/|\.json$/g, '');

const rideOf = (body: JsonBody): JsonBody | undefined => {
  const ride = body['ride'];
  return ride !== null && typeof ride === 'object' && !Array.isArray(ride) ? ride : undefined;
};

/**
 * Every instructor object on record, once per id: the instructor body of instructors/ first, then each other
 * `ride.instructor` with an id embedded in a captured workout or class (the same object, peloton-api.md 6.2; the
 * pseudo-instructors of Just Ride have no id and are not listed).
 */
export function capturedInstructors(): JsonBody[] {
  const embedded = [...readPayloads('workouts'), ...readPayloads('ride_details')].flatMap(({ body }) => {
    const instructor = rideOf(body)?.['instructor'];
    return instructor !== null && typeof instructor === 'object' && !Array.isArray(instructor) ? [instructor] : [];
  });
  const byId = new Map<string, JsonBody>();
  for (const instructor of [...readPayloads('instructors').map((payload) => payload.body), ...embedded]) {
    const id = instructor['id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, instructor);
  }
  return [...byId.values()];
}

/** The 2024 overview reconstruction as the file holds it (see overview/MANIFEST.md); throws when it is missing. */
export function reconstructedOverview(): JsonBody {
  const file = readOverviewEvidence().find((payload) => payload.file.includes('reconstructed'));
  if (file === undefined) throw new Error('The real payloads lack overview/notebook_2024_overview_reconstructed.txt.');
  return file.body;
}

/**
 * The overview with each personal-record group's name and slug filled in where absent: the reconstruction's
 * source tables show neither, every record in them is a cycling record (overview/MANIFEST.md), and real groups
 * carry name "Cycling" and slug "cycling" (peloton-api.md 5.4). Nothing else changes.
 */
export function withRecordGroupNamed(overview: JsonBody): JsonBody {
  const groups = overview['personal_records'];
  if (!Array.isArray(groups)) return overview;
  const named = groups.map((group) =>
    group !== null && typeof group === 'object' && !Array.isArray(group) ? { name: 'Cycling', slug: 'cycling', ...group } : group,
  );
  return { ...overview, personal_records: named };
}

/**
 * The real bodies as a replay serves them. Throws when a capture the tests rely on is missing: a test must
 * fail then, not compare an empty stand-in with itself.
 */
export function realReplayPayloads(): ReplayPayloads {
  const meFiles = readPayloads('me');
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The real payloads lack ${what}.`);
    return value;
  };
  return {
    workouts: readPayloads('workouts'),
    graphs: new Map(readPayloads('graphs').map((payload) => [graphWorkoutId(payload.file), payload.body])),
    workoutDetails: readPayloads('workout_detail'),
    rideDetails: readPayloads('ride_details'),
    // The 2020 /api/me answer (the other file is the public subset embedded by joins=user).
    me: need(
      meFiles.find((payload) => payload.file.includes('weissleb')),
      'me/weissleb_*.json',
    ).body,
    // The fullest overview evidence; it has no `id`, which the route adds as the real endpoint does.
    overview: withRecordGroupNamed(reconstructedOverview()),
    instructors: capturedInstructors(),
  };
}

/** A request the server saw: method, path and query. */
export interface ReplayRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

/**
 * Serves real Peloton response bodies as the Peloton API on 127.0.0.1: the workout list (paged newest first,
 * with the real envelope), performance graphs, workout details, class details, the profile, the overview and
 * the instructor list (paged as `{data, total}`, the only envelope fields on record). Anything not captured
 * (achievements, challenges) answers 404 with Peloton's JSON error shape. Every request must carry a bearer token.
 */
export class ReplayServer {
  readonly requests: ReplayRequest[] = [];
  private readonly newestFirst: JsonBody[];

  private constructor(
    private readonly server: Server,
    private readonly payloads: ReplayPayloads,
  ) {
    this.newestFirst = payloads.workouts.map((payload) => payload.body).sort((a, b) => Number(b['created_at']) - Number(a['created_at']));
  }

  static async start(payloads: ReplayPayloads): Promise<ReplayServer> {
    const server = createServer();
    const replay = new ReplayServer(server, payloads);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => replay.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return replay;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://replay');
    this.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
    });
    if (!/^Bearer \S+$/.test(request.headers.authorization ?? '')) {
      send(response, 401, { status: 401, error_code: 3020, message: 'Not logged in' });
      return;
    }
    if (request.method !== 'GET') {
      send(response, 405, { status: 405, message: 'Method not allowed' });
      return;
    }
    const [status, body] = this.route(url);
    send(response, status, body);
  }

  private route(url: URL): [number, JsonBody] {
    const path = url.pathname;
    let match: RegExpMatchArray | null;
    if (path === '/api/me') return [200, this.payloads.me];
    if ((match = path.match(/^\/api\/user\/([^/]+)\/workouts$/))) return [200, this.workoutPage(url.searchParams)];
    if ((match = path.match(/^\/api\/user\/([^/]+)\/overview$/)))
      return [200, { id: decodeURIComponent(match[1] ?? ''), ...this.payloads.overview }];
    if (path === '/api/instructor') return [200, this.instructorPage(url.searchParams)];
    if ((match = path.match(/^\/api\/workout\/([^/]+)\/performance_graph$/))) {
      const graph = this.payloads.graphs.get(decodeURIComponent(match[1] ?? ''));
      return graph === undefined ? notFound('Workout performance graph not found') : [200, graph];
    }
    if ((match = path.match(/^\/api\/workout\/([^/]+)$/))) {
      const id = decodeURIComponent(match[1] ?? '');
      const detail = this.payloads.workoutDetails.find((payload) => payload.body['id'] === id);
      return detail === undefined ? notFound('Workout not found') : [200, detail.body];
    }
    if ((match = path.match(/^\/api\/ride\/([^/]+)\/details$/))) {
      const id = decodeURIComponent(match[1] ?? '');
      const details = this.payloads.rideDetails.find((payload) => rideId(payload.body) === id);
      return details === undefined ? notFound('Ride not found') : [200, details.body];
    }
    return notFound('Not found');
  }

  /** One page of the list with the envelope fields the real endpoint sends. */
  private workoutPage(query: URLSearchParams): JsonBody {
    const { limit, page } = pageOf(query);
    const total = this.newestFirst.length;
    const data = this.newestFirst.slice(page * limit, (page + 1) * limit);
    const following = this.newestFirst[(page + 1) * limit];
    const summary: Record<string, number> = {};
    for (const workout of this.newestFirst) {
      const month = new Date(Number(workout['created_at']) * 1000).toISOString().slice(0, 7);
      summary[month] = (summary[month] ?? 0) + 1;
    }
    const next = following === undefined ? null : { workout_id: following['id'] ?? null, created_at: following['created_at'] ?? null };
    // The envelope holds only the JSON values given to it.
    return workoutListEnvelope({ data, page, limit, total, next, summary }) as JsonBody;
  }

  /** One page of the instructors; nothing beyond `data` and `total` is known of this envelope (peloton-api.md 6.2). */
  private instructorPage(query: URLSearchParams): JsonBody {
    const { limit, page } = pageOf(query);
    return { data: this.payloads.instructors.slice(page * limit, (page + 1) * limit), total: this.payloads.instructors.length };
  }
}

/** The page asked for: `limit` capped to 1..100 as Peloton caps it, `page` from 0. */
function pageOf(query: URLSearchParams): { limit: number; page: number } {
  return {
    limit: pageLimit(Number(query.get('limit') ?? 20) || 20),
    page: Math.max(Number(query.get('page') ?? 0) || 0, 0),
  };
}

const rideId = (body: JsonBody): unknown => rideOf(body)?.['id'];

function notFound(message: string): [number, JsonBody] {
  return [404, { status: 404, error_code: 404, message }];
}

function send(response: ServerResponse, status: number, body: JsonBody): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
