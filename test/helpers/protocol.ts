import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const root = fileURLToPath(new URL('../../', import.meta.url));
const protocolFile = fileURLToPath(new URL('../../../shared/airbyte-protocol/airbyte_protocol.yaml', import.meta.url));

let messageValidator: ValidateFunction | null | undefined;

/**
 * Validates against the official protocol schema in ../shared. On a clone without ../shared the check is
 * skipped with a one-line notice; in CI (where ../shared is always laid out) its absence is a failure.
 */
export function assertValidAirbyteMessage(message: unknown): void {
  if (messageValidator === undefined) {
    if (!existsSync(protocolFile) && process.env['CI'] !== undefined) {
      throw new Error(`${protocolFile} is missing: CI must validate every message against the official Airbyte protocol.`);
    }
    if (existsSync(protocolFile)) {
      const protocol = parse(readFileSync(protocolFile, 'utf8')) as Record<string, unknown>;
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema({ ...protocol, $id: 'airbyte_protocol.yaml' });
      messageValidator = ajv.getSchema('airbyte_protocol.yaml#/definitions/AirbyteMessage') ?? null;
    } else {
      // test/global-setup.ts has said so once for the whole run.
      messageValidator = null;
    }
  }
  if (messageValidator === null) return;
  if (!messageValidator(message)) {
    throw new Error(`Invalid Airbyte message ${JSON.stringify(message).slice(0, 300)}: ${JSON.stringify(messageValidator.errors)}`);
  }
}

const recordValidators = new Map<string, ValidateFunction>();

/** Validates a record against its stream's schema in schemas/, formats included. */
export function assertValidRecord(stream: string, data: unknown): void {
  let validate = recordValidators.get(stream);
  if (validate === undefined) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(`${root}schemas/${stream}.json`, 'utf8')) as object);
    recordValidators.set(stream, validate);
  }
  if (!validate(data)) throw new Error(`Record of ${stream} breaks its schema: ${JSON.stringify(validate.errors).slice(0, 500)}`);
}
