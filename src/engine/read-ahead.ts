/**
 * Iterates `source` while keeping the next item already requested, so producing item n+1
 * (fetching a page, starting its child requests) overlaps consuming item n.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done === true) return;
      next = source.next();
      // If the consumer stops early, this prefetch's failure must not surface as an unhandled rejection.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    // Not awaited: a prefetch still in flight must not hold up a read that is over (it is cancelled elsewhere).
    void source.return?.(undefined).catch(() => undefined);
  }
}
