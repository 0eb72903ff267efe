/** "1 record", "2 records": a count with its noun in the right number (nouns with a plain -s plural). */
export function countOf(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
