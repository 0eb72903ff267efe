import { describe, expect, it } from 'vitest';
import { WindowCursor } from '../src/engine/window-cursor.js';

const START = 1_000;
const cursor = (input?: Record<string, unknown>): WindowCursor => new WindowCursor('created_at', START, input, 'workouts');

/** Feeds records newest first, passing the ones classified todo/done, and returns the todo ids. */
function feed(c: WindowCursor, records: Array<[number, string, boolean?]>): string[] {
  const emitted: string[] = [];
  for (const [at, id, final = true] of records) {
    const verdict = c.classify(at, id);
    if (verdict === 'below') continue;
    if (verdict === 'todo') emitted.push(id);
    c.pass(at, id, final);
  }
  return emitted;
}

describe('WindowCursor', () => {
  it('starts at start_date and commits the newest cursor once the window is complete', () => {
    const c = cursor();
    expect(c.floor).toBe(START - 1);
    expect(
      feed(c, [
        [3000, 'c'],
        [2000, 'b'],
        [1000, 'a'],
        [999, 'old'],
      ]),
    ).toEqual(['c', 'b', 'a']);
    expect(c.complete()).toEqual({ created_at: 3000 });
  });

  it('reads only records newer than the committed cursor', () => {
    const c = cursor({ created_at: 2000 });
    expect(
      feed(c, [
        [3000, 'c'],
        [2500, 'b'],
        [2000, 'a'],
      ]),
    ).toEqual(['c', 'b']);
    expect(c.complete()).toEqual({ created_at: 3000 });
  });

  it('never advances the cursor while a window is part way: checkpoints list the synced segment', () => {
    const c = cursor({ created_at: 2000 });
    expect(
      feed(c, [
        [5000, 'e'],
        [4000, 'd'],
      ]),
    ).toEqual(['e', 'd']);
    expect(c.checkpoint()).toEqual({ created_at: 2000, partial: { synced: [{ newest: 5000, oldest: 4000, oldest_ids: ['d'] }] } });
  });

  it('resumes from a checkpoint without re-emitting, including ties at the boundary', () => {
    const first = cursor();
    expect(
      feed(first, [
        [5000, 'e'],
        [4000, 'd1'],
      ]),
    ).toEqual(['e', 'd1']);
    const resumed = cursor(first.checkpoint());
    // d2 shares d1's second but was not emitted yet; f arrived after the interruption.
    expect(
      feed(resumed, [
        [6000, 'f'],
        [5000, 'e'],
        [4000, 'd1'],
        [4000, 'd2'],
        [3000, 'c'],
      ]),
    ).toEqual(['f', 'd2', 'c']);
    expect(resumed.complete()).toEqual({ created_at: 6000 });
  });

  it('keeps older segments below its position and merges the ones it reaches', () => {
    const resumed = cursor({ partial: { synced: [{ newest: 5000, oldest: 4000, oldest_ids: ['d'] }] } });
    expect(feed(resumed, [[7000, 'g']])).toEqual(['g']);
    expect(resumed.checkpoint()).toEqual({
      partial: {
        synced: [
          { newest: 7000, oldest: 7000, oldest_ids: ['g'] },
          { newest: 5000, oldest: 4000, oldest_ids: ['d'] },
        ],
      },
    });
    expect(
      feed(resumed, [
        [6000, 'f'],
        [5000, 'e'],
      ]),
    ).toEqual(['f']);
    expect(resumed.checkpoint()).toEqual({ partial: { synced: [{ newest: 7000, oldest: 4000, oldest_ids: ['d'] }] } });
    // Interrupted again and resumed a second time: nothing already emitted comes back.
    const third = cursor(resumed.checkpoint());
    expect(
      feed(third, [
        [7000, 'g'],
        [6000, 'f'],
        [5000, 'e'],
        [4000, 'd'],
        [3500, 'x'],
      ]),
    ).toEqual(['x']);
    expect(third.complete()).toEqual({ created_at: 7000 });
  });

  it('holds the cursor before a record that is not final, so it is read again once it is', () => {
    const c = cursor({ created_at: 1000 });
    expect(
      feed(c, [
        [6000, 'f'],
        [5000, 'e', false],
        [4000, 'd'],
      ]),
    ).toEqual(['f', 'e', 'd']);
    expect(c.complete()).toEqual({ created_at: 4999 });
    expect(c.checkpoint()).toMatchObject({ partial: { unfinished_at: 5000 } });
    const next = cursor(c.complete());
    expect(
      feed(next, [
        [6000, 'f'],
        [5000, 'e'],
        [4000, 'd'],
      ]),
    ).toEqual(['f', 'e']);
    expect(next.complete()).toEqual({ created_at: 6000 });
  });

  it('carries an unfinished record across an interruption', () => {
    const first = cursor();
    feed(first, [
      [6000, 'f', false],
      [5000, 'e'],
    ]);
    const resumed = cursor(first.checkpoint());
    // f and e were emitted before the interruption; f, still unfinished then, holds the cursor below it.
    expect(
      feed(resumed, [
        [6000, 'f'],
        [5000, 'e'],
        [4000, 'd'],
      ]),
    ).toEqual(['d']);
    expect(resumed.complete()).toEqual({ created_at: 5999 });
  });

  it('keeps a state from the future as it is, emitting nothing', () => {
    const c = cursor({ created_at: 9_999_999_999 });
    expect(feed(c, [[3000, 'c']])).toEqual([]);
    expect(c.complete()).toEqual({ created_at: 9_999_999_999 });
  });

  it('ends an empty window with the state it was given', () => {
    expect(cursor().complete()).toEqual({});
    expect(cursor({ created_at: 2000 }).complete()).toEqual({ created_at: 2000 });
  });

  it('accepts numeric strings and refuses malformed states with a config error', () => {
    expect(cursor({ created_at: '2000' }).floor).toBe(2000);
    expect(() => cursor({ created_at: 'yesterday' })).toThrow(/malformed.*unix timestamp/);
    expect(() => cursor({ partial: { synced: 'x' } })).toThrow(/partial.synced/);
    expect(() => cursor({ partial: { synced: [{ newest: 1, oldest: 2, oldest_ids: [] }] } })).toThrow(/newest >= oldest/);
  });
});
