/**
 * How Peloton thins a per-second graph for `every_n` = n (peloton-api.md §6.8): it keeps the entries at
 * positions 0, n, 2n, … of the per-second list and appends the last entry when that one was not kept.
 * Positions, not seconds: one missing second shifts the rest of the grid.
 */
export function gridPositions(length: number, everyN: number): number[] {
  if (everyN <= 1) return Array.from({ length }, (_, i) => i);
  const kept: number[] = [];
  for (let at = 0; at < length; at += everyN) kept.push(at);
  if (length > 0 && kept.at(-1) !== length - 1) kept.push(length - 1);
  return kept;
}

/**
 * The value at each kept position: the maximum of the per-second values from that position up to the next
 * kept one (nothing recorded, NaN, is ignored; null when the whole bucket is empty). The appended last entry is
 * a bucket of its own, so a bucket is [i·n, (i+1)·n) except the one just before it, which stops short of it.
 */
export function bucketMaxima(values: Float64Array, kept: readonly number[]): Array<number | null> {
  const out = new Array<number | null>(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const from = kept[k] as number;
    const to = kept[k + 1] ?? from + 1;
    let max = Number.NaN;
    for (let i = from; i < to; i++) {
      const value = values[i] as number;
      if (value > max || (Number.isNaN(max) && !Number.isNaN(value))) max = value;
    }
    out[k] = Number.isNaN(max) ? null : max;
  }
  return out;
}

/** Per-second values as the API sends them: null for nothing recorded. */
export const jsonValues = (values: Float64Array): Array<number | null> =>
  Array.from(values, (value) => (Number.isNaN(value) ? null : value));

/** The items at the kept positions. */
export const atPositions = <T>(items: readonly T[], kept: readonly number[]): T[] => kept.map((i) => items[i] as T);

/**
 * A workout's per-second x axis seen at every_n = `everyN`: the offsets the graph lists, and how a per-second
 * series becomes that graph's values (the values as they are at 1, bucket maxima above).
 */
export function atEveryN(
  offsets: readonly number[],
  everyN: number,
): { offsets: number[]; values: (perSecond: Float64Array) => Array<number | null> } {
  if (everyN <= 1) return { offsets: [...offsets], values: jsonValues };
  const kept = gridPositions(offsets.length, everyN);
  return { offsets: atPositions(offsets, kept), values: (perSecond) => bucketMaxima(perSecond, kept) };
}
