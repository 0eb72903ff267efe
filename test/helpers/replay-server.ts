import { workoutListEnvelope } from '../../simulator/envelope.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonBody, Payload } from './real-payloads.js';

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
 * with the real envelope), performance graphs, workout details, class details, the profile and the overview.
 * Anything not captured answers 404 with Peloton's JSON error shape. Every request must carry a bearer token.
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
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 20) || 20, 1), 100);
    const page = Math.max(Number(query.get('page') ?? 0) || 0, 0);
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
}

function rideId(body: JsonBody): unknown {
  const ride = body['ride'];
  return ride !== null && typeof ride === 'object' && !Array.isArray(ride) ? ride['id'] : undefined;
}

function notFound(message: string): [number, JsonBody] {
  return [404, { status: 404, error_code: 404, message }];
}

function send(response: ServerResponse, status: number, body: JsonBody): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
