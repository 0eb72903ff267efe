import { configError } from '../errors.js';
import type { JsonObject } from './messages.js';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The per-stream states of a `--state` input. Accepted: the list of STATE messages the source printed
 * (type STREAM; GLOBAL's stream_states; LEGACY's data), a single such message, or the legacy bare
 * object {"<stream>": {...}}. Anything else is refused, so a sync never silently starts over.
 */
export function parseStateInput(input: unknown, knownStreams: readonly string[]): Map<string, JsonObject> {
  const states = new Map<string, JsonObject>();
  const fail = (why: string): never => {
    throw configError(`The state is invalid: ${why}. Pass the list of STATE messages from the previous sync, or no state to start over.`);
  };
  const put = (name: unknown, blob: unknown, where: string): void => {
    if (typeof name !== 'string') return fail(`${where} has no stream_descriptor.name`);
    if (blob === undefined || blob === null) return;
    if (!isObject(blob)) return fail(`${where} (stream '${name}') must hold an object`);
    if (knownStreams.includes(name)) states.set(name, blob);
  };
  const putStreamState = (entry: unknown, where: string): void => {
    if (!isObject(entry)) return fail(`${where} must be an object`);
    const descriptor = entry['stream_descriptor'];
    put(isObject(descriptor) ? descriptor['name'] : undefined, entry['stream_state'], where);
  };
  const putLegacy = (data: unknown, where: string): void => {
    if (!isObject(data)) return fail(`${where} must be an object keyed by stream name`);
    for (const [name, blob] of Object.entries(data)) put(name, blob, `${where}.${name}`);
  };
  const putMessage = (message: unknown, where: string): void => {
    if (!isObject(message)) return fail(`${where} must be a STATE message object`);
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

  if (input === null || input === undefined) return states;
  if (Array.isArray(input)) input.forEach((m, i) => putMessage(m, `state[${i}]`));
  else if (isObject(input) && ('type' in input || 'state' in input)) putMessage(input, 'state');
  else if (isObject(input)) putLegacy(input, 'state');
  else fail('it must be a JSON list of state messages or an object');
  return states;
}
