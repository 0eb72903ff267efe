import type { RootRequest } from '../engine/declarations.js';
import { PELOTON_PAGES } from './peloton-pagination.js';

/** Peloton's instructors (public class metadata), paged like the workout list. */
export const instructorList: RootRequest = {
  kind: 'root',
  name: 'instructors',
  path: () => '/api/instructor',
  itemsAt: 'data',
  idField: 'id',
  // Envelope fields beyond data and total are unconfirmed: a short or empty page ends the list too.
  pagination: PELOTON_PAGES,
};
