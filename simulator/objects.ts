/** A shallow copy of an object without some of its keys. */
export function omit<T extends object, K extends keyof T & string>(object: T, ...keys: K[]): Omit<T, K> {
  const dropped = new Set<string>(keys);
  return Object.fromEntries(Object.entries(object).filter(([key]) => !dropped.has(key))) as Omit<T, K>;
}
