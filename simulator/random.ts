import { createHash } from 'node:crypto';

/** A small seeded PRNG (mulberry32): the simulator's data must be the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const hexId = (...parts: Array<string | number>): string => createHash('md5').update(parts.join(':')).digest('hex');

export const seedOf = (text: string): number => Number.parseInt(text.slice(0, 8), 16) || 1;

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export const between = (random: () => number, low: number, high: number): number => low + random() * (high - low);
export const intBetween = (random: () => number, low: number, high: number): number => Math.floor(between(random, low, high + 1));
