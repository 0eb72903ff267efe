import { configError } from '../errors.js';
import type { JsonObject } from './messages.js';

/** Each stream's state blob, by stream name: what a `--state` file says to resume from. */
export type StreamStates = Map<string, JsonObject>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const AIRBYTE_STATE_TYPES = ['STREAM', 'GLOBAL', 'LEGACY'];
/** Top-level keys of a Singer state besides its bookmarks: singer-python's taps write `currently_syncing`. */
const SINGER_STATE_KEYS = ['bookmarks', 'currently_syncing'];

const AIRBYTE_EXPECTED = 'Pass the list of STATE messages from the previous sync, or no state to start over.';
const SINGER_EXPECTED =
  'Pass the value of the last STATE message of a previous run ({"bookmarks": {"<stream>": {...}}}), or no state to start over.';

/**
 * The per-stream states of `read --state` (Airbyte). Accepted: the list of STATE messages the source
 * printed (type STREAM; GLOBAL's stream_states; LEGACY's data), a single such message, or the legacy
 * bare object {"<stream>": {...}}. A Singer state, a stream this source does not have, or a blob that
 * is not an object is a config_error: a sync never silently starts over.
 */
export function parseAirbyteState(input: unknown, knownStreams: readonly string[]): StreamStates {
  const fail = (why: string): never => {
    throw configError(`The state is invalid: ${why}. ${AIRBYTE_EXPECTED}`);
  };
  const collected = new StateCollector(knownStreams, fail);
  const putStreamState = (entry: unknown, where: string): void => {
    if (!isObject(entry)) return fail(`${where} must be an object`);
    const descriptor = entry['stream_descriptor'];
    const name = isObject(descriptor) ? descriptor['name'] : undefined;
    if (typeof name !== 'string') return fail(`${where} has no stream_descriptor.name`);
    collected.put(name, entry['stream_state'], `${where} (stream '${name}')`);
  };
  const putLegacy = (data: unknown, where: string): void => {
    if (!isObject(data)) return fail(`${where} must be an object keyed by stream name`);
    if (singerShape(data) !== undefined) refuseSinger(data);
    for (const [name, blob] of Object.entries(data)) collected.put(name, blob, `${where}.${name}`);
  };
  const putMessage = (message: unknown, where: string): void => {
    if (!isObject(message)) return fail(`${where} must be a STATE message object`);
    if (singerShape(message) !== undefined) refuseSinger(message);
    const body = message['type'] === 'STATE' && isObject(message['state']) ? message['state'] : message;
    switch (body['type']) {
      case 'STREAM':
        putStreamState(body['stream'], `${where}.stream`);
        return;
      case 'GLOBAL': {
        const global = body['global'];
        const streamStates = isObject(global) ? global['stream_states'] : undefined;
        if (!Array.isArray(streamStates)) return fail(`${where} is a GLOBAL state without global.stream_states`);
        streamStates.forEach((s, i) => putStreamState(s, `${where}.global.stream_states[${i}]`));
        return;
      }
      case 'LEGACY':
      case undefined:
        if (body['data'] !== undefined) {
          putLegacy(body['data'], `${where}.data`);
          return;
        }
        return fail(`${where} has no type (STREAM, GLOBAL or LEGACY)`);
      default:
        return fail(`${where} has an unknown state type ${JSON.stringify(body['type'])}`);
    }
  };

  if (input === null || input === undefined) return collected.states;
  if (Array.isArray(input)) input.forEach((m, i) => putMessage(m, `state[${i}]`));
  else if (isObject(input) && ('type' in input || 'state' in input)) putMessage(input, 'state');
  else if (isObject(input)) putLegacy(input, 'state');
  else fail('it must be a JSON list of STATE messages or an object');
  return collected.finish('state for');
}

/**
 * The per-stream bookmarks of a Singer `--state`: {"bookmarks": {...}} (with `currently_syncing` or
 * not), a Singer STATE message, or its `value`; `{}` and `null` are no state. An Airbyte state, a bare
 * object keyed by stream name, an unknown stream or a bookmark that is not an object is a config_error.
 */
export function parseSingerState(input: unknown, knownStreams: readonly string[]): StreamStates {
  const fail = (why: string): never => {
    throw configError(`The Singer state is invalid: ${why}. ${SINGER_EXPECTED}`);
  };
  const collected = new StateCollector(knownStreams, fail);
  if (input === null || input === undefined) return collected.states;
  const airbyte = airbyteShape(input);
  if (airbyte !== undefined) {
    throw configError(
      `The state is ${airbyte}, but the Singer tap takes a Singer state: {"bookmarks": {"<stream>": {...}}}, as its STATE messages carry it. ` +
        'Pass an Airbyte state to `source-peloton read --state` instead, or pass no state to start over.',
    );
  }
  if (!isObject(input)) return fail('it must be a JSON object');
  const value = singerShape(input) === undefined ? input : singerValue(input);
  if (value === undefined) return fail('the "value" of its STATE message must be an object');
  const unknownKeys = Object.keys(value).filter((key) => !SINGER_STATE_KEYS.includes(key));
  if ('singer_state' in value) {
    return fail('it is the form Meltano stores ({"singer_state": ...}); use what "singer_state" holds');
  }
  if (unknownKeys.length > 0 && unknownKeys.every((key) => knownStreams.includes(key))) {
    return fail(
      'it is keyed by stream name without "bookmarks" (the shape of an Airbyte legacy state); wrap it as {"bookmarks": {...}} for the Singer tap, or pass it to `source-peloton read --state`',
    );
  }
  if (unknownKeys.length > 0) {
    return fail(`it has ${unknownKeys.map((k) => JSON.stringify(k)).join(', ')} where only "bookmarks" (and "currently_syncing") belong`);
  }
  const bookmarks = value['bookmarks'];
  if (bookmarks === undefined || bookmarks === null) return collected.states;
  if (!isObject(bookmarks)) return fail('"bookmarks" must be an object keyed by stream name');
  for (const [name, blob] of Object.entries(bookmarks)) collected.put(name, blob, `bookmarks.${name}`);
  return collected.finish('bookmarks for');
}

/**
 * The INFO line for states of streams that exist but are not selected (they are not used), or
 * undefined when every state belongs to a selected stream. `carried`: the tap copies them on into
 * the STATE messages it writes.
 */
export function unselectedStatesNote(states: StreamStates, selected: readonly string[], carried: boolean): string | undefined {
  const unselected = [...states.keys()].filter((name) => !selected.includes(name));
  if (unselected.length === 0) return undefined;
  const kept = carried ? '; they are copied unchanged into the new state' : '';
  return `Ignoring the state of streams not selected in the catalog: ${unselected.join(', ')}${kept}.`;
}

/** Gathers stream blobs, refusing non-object blobs at once and unknown streams all together at the end. */
class StateCollector {
  readonly states: StreamStates = new Map();
  private readonly unknown: string[] = [];

  constructor(
    private readonly knownStreams: readonly string[],
    private readonly fail: (why: string) => never,
  ) {}

  put(name: string, blob: unknown, where: string): void {
    if (!this.knownStreams.includes(name)) {
      if (!this.unknown.includes(name)) this.unknown.push(name);
      return;
    }
    // The platform may send an empty stream_state for a stream it reset: nothing to resume from.
    if (blob === undefined || blob === null) return;
    if (!isObject(blob)) this.fail(`${where} must hold an object`);
    this.states.set(name, blob);
  }

  /** `what`: "state for" or "bookmarks for", as the file calls what it holds. */
  finish(what: string): StreamStates {
    if (this.unknown.length > 0) {
      const names = this.unknown.map((n) => `'${n}'`).join(', ');
      this.fail(
        `it holds ${what} ${names}, which this connector does not have (its streams: ${this.knownStreams.join(', ')}); remove ${this.unknown.length === 1 ? 'that entry' : 'those entries'}`,
      );
    }
    return this.states;
  }
}

/** How a Singer state shows itself: {"bookmarks": ...}, a Singer STATE message, or a message's {"value": ...} alone. */
function singerShape(input: JsonObject): string | undefined {
  if ('bookmarks' in input) return 'a Singer state ({"bookmarks": ...})';
  if (input['type'] === 'STATE' && 'value' in input && !('state' in input)) return 'a Singer STATE message';
  if (Object.keys(input).length === 1 && isObject(input['value'])) return 'a Singer STATE message without its type';
  return undefined;
}

function singerValue(input: JsonObject): JsonObject | undefined {
  if ('bookmarks' in input) return input;
  const value = input['value'];
  return isObject(value) ? value : undefined;
}

/** How an Airbyte state shows itself: a list of messages, a STATE message, or a state of a known type. */
function airbyteShape(input: unknown): string | undefined {
  if (Array.isArray(input)) return 'an Airbyte state (a list of STATE messages)';
  if (!isObject(input)) return undefined;
  if (input['type'] === 'STATE' && 'state' in input) return 'an Airbyte STATE message';
  if (typeof input['type'] === 'string' && AIRBYTE_STATE_TYPES.includes(input['type'])) return `an Airbyte ${input['type']} state`;
  return undefined;
}

function refuseSinger(input: JsonObject): never {
  throw configError(
    `The state is ${singerShape(input) ?? 'a Singer state'}, but \`read\` takes an Airbyte state: the list of STATE messages from the previous sync. ` +
      'Pass a Singer state to `tap-peloton --state` (or `source-peloton singer --state`) instead, or pass no state to start over.',
  );
}
