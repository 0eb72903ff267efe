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

/** A value rounded to `digits` decimals. */
export const round = (value: number, digits = 0): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * An independent seeded stream named by its parts (seedOf alone reads only the first 8 hex digits of its
 * text). The name is hashed with FNV-1a and a final mix rather than md5: streams are made by the thousand.
 */
export function streamOf(...parts: Array<string | number>): () => number {
  const text = parts.join(':');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return seededRandom((hash ^ (hash >>> 16)) >>> 0);
}

/** 32 hex digits written as a dashed UUID (8-4-4-4-12). */
export const dashedUuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
