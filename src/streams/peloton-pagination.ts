import type { PageNumberPagination } from '../engine/declarations.js';

/** Peloton's lists page by number from 0 with a constant `limit`, and say when they end (show_next, page_count). */
export const PELOTON_PAGES: PageNumberPagination = {
  pageParam: 'page',
  sizeParam: 'limit',
  firstPage: 0,
  isLastPage: (envelope, page) =>
    envelope['show_next'] === false || (typeof envelope['page_count'] === 'number' && page >= envelope['page_count'] - 1),
};
