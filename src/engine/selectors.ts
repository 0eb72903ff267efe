import type { JsonObject } from '../protocol/messages.js';

/** An element found by a selector path, with the elements of the lists that enclose it. */
export interface Selected {
  element: JsonObject;
  /** Its index in its own list. */
  index: number;
  /** The enclosing lists' elements, outermost first (for `a[].b[]`: the `a` element). */
  outer: JsonObject[];
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The objects at `path` in `answer`: keys separated by dots, `[]` after a key flattens its list
 * (`personal_records[].records[]`). A missing, null or non-list step yields nothing (the data is absent,
 * which Peloton does for workouts without it); non-object list elements are not records and are skipped.
 */
export function* selectAt(answer: JsonObject, path: string): Generator<Selected> {
  yield* walk(answer, path.split('.'), []);
}

function* walk(node: unknown, steps: string[], outer: JsonObject[]): Generator<Selected> {
  const [step, ...rest] = steps;
  if (step === undefined || !isObject(node)) return;
  const flatten = step.endsWith('[]');
  const value = node[flatten ? step.slice(0, -2) : step];
  if (!flatten) {
    if (rest.length === 0) {
      if (isObject(value)) yield { element: value, index: 0, outer };
      return;
    }
    yield* walk(value, rest, outer);
    return;
  }
  if (!Array.isArray(value)) return;
  for (const [index, element] of value.entries()) {
    if (!isObject(element)) continue;
    if (rest.length === 0) yield { element, index, outer };
    else yield* walk(element, rest, [...outer, element]);
  }
}

/**
 * A record selector yielding one record per object at `path`: the element's own fields as sent, plus the
 * fields `add` derives (from the element, its index, the enclosing elements); added fields win a name clash.
 */
export function fanOut<S>(
  path: string,
  add: (selected: Selected, source: S) => object,
): (answer: JsonObject, source: S) => Iterable<JsonObject> {
  return function* (answer, source) {
    for (const selected of selectAt(answer, path)) yield { ...selected.element, ...add(selected, source) };
  };
}
