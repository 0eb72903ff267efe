import type { IncomingMessage } from 'node:http';
import type { RouteName } from './faults.js';
import { performanceGraph } from './graphs.js';
import { instructorObject, instructorPage } from './instructors.js';
import type { PelotonSimulator } from './server.js';

/** The API's paths, each with the route name fault rules and request counts use; groups are path parameters. */
export const API_ROUTES: ReadonlyArray<[RegExp, RouteName]> = [
  [/^\/api\/me$/, 'me'],
  [/^\/api\/user\/([^/]+)\/workouts$/, 'workouts'],
  [/^\/api\/user\/([^/]+)\/overview$/, 'overview'],
  [/^\/api\/user\/([^/]+)\/achievements$/, 'achievements'],
  [/^\/api\/user\/([^/]+)\/challenges\/current$/, 'challenges'],
  [/^\/api\/user\/([^/]+)\/challenge\/([^/]+)$/, 'challenge_detail'],
  [/^\/api\/instructor$/, 'instructors'],
  [/^\/api\/instructor\/([^/]+)$/, 'instructor'],
  [/^\/api\/workout\/([^/]+)\/performance_graph$/, 'performance_graph'],
  [/^\/api\/workout\/([^/]+)$/, 'workout_detail'],
  [/^\/api\/ride\/([^/]+)\/details$/, 'ride_details'],
];

/** Routes of one member's data: another member's id is refused. */
const MEMBER_ROUTES = new Set<RouteName>(['workouts', 'overview', 'achievements', 'challenges', 'challenge_detail']);
/**
 * Routes clients call with Peloton-Platform: web (and a write-up calls it required); what the real API answers
 * without it is unrecorded: the simulator refuses those requests, so a test sees whether the header was sent.
 */
const WEB_ROUTES = new Set<RouteName>(['overview', 'achievements', 'challenges', 'challenge_detail']);

const CLASS_ID = /^[0-9a-f]{32}$/;
const FORBIDDEN = { status: 403, error_code: 3030, message: 'Forbidden' };
const notFound = (what: string): Record<string, unknown> => ({ status: 404, error_code: 3001, message: `${what} not found` });
const badRequest = (message: string): Record<string, unknown> => ({ status: 400, error_code: 3002, message });

/** The status and body of an API route for the signed-in member, given the path parameters as sent. */
export function answerApi(
  sim: PelotonSimulator,
  userId: string,
  route: RouteName,
  req: IncomingMessage,
  url: URL,
  rawParams: string[],
): [number, unknown] {
  const [param = '', second = ''] = rawParams.map(decodeURIComponent);
  if (MEMBER_ROUTES.has(route) && param !== userId) return [403, FORBIDDEN];
  if (WEB_ROUTES.has(route) && req.headers['peloton-platform'] !== 'web')
    return [400, badRequest('This endpoint requires the Peloton-Platform: web header')];
  const query = url.searchParams;
  const joins = (query.get('joins') ?? '').split(',');
  const number = (name: string, fallback: number): number => Number(query.get(name) ?? fallback);
  switch (route) {
    case 'me':
      return [200, sim.profile()];
    case 'workouts':
      return [200, sim.history.page(number('page', 0), number('limit', 20), joins.includes('ride'), joins.includes('ride.instructor'))];
    case 'overview':
      return [200, sim.overview()];
    case 'achievements':
      return [200, sim.achievementsBody()];
    case 'challenges': {
      // The member is in every challenge there is: none is left that they have not joined.
      const joined = query.get('has_joined');
      if (joined !== 'true' && joined !== 'false') return [400, badRequest('has_joined is required')];
      return [200, joined === 'true' ? sim.challengesBody() : { challenges: [] }];
    }
    case 'challenge_detail': {
      const detail = sim.challengeBody(second);
      return detail === undefined ? [404, notFound('Challenge')] : [200, detail];
    }
    case 'instructors':
      return [200, instructorPage(number('page', 0), number('limit', 20))];
    case 'instructor': {
      const instructor = instructorObject(param);
      return instructor === undefined ? [404, notFound('Instructor')] : [200, instructor];
    }
    case 'workout_detail': {
      const detail = sim.workoutDetail(param, joins.includes('ride.instructor'));
      return detail === undefined ? [404, notFound('Workout')] : [200, detail];
    }
    case 'ride_details': {
      const details = sim.rideDetails(param);
      if (details !== undefined) return [200, details];
      // Gym workouts' dashed UUIDs are not class ids: refused as a bad request. Just Ride's 32 zeros, unknown and
      // retired ids name no class: 404. Clients skip any 4xx (the real statuses are unrecorded).
      if (!CLASS_ID.test(param)) return [400, badRequest('Invalid ride id')];
      return [404, notFound('Ride')];
    }
    default: {
      const workout = sim.history.find(param);
      if (workout === undefined) return [404, notFound('Workout')];
      return [200, performanceGraph(workout, number('every_n', 5), { webPlatform: req.headers['peloton-platform'] === 'web' })];
    }
  }
}
