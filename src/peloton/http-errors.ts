import { HTTPError, RequestError, TimeoutError } from 'got';
import { ConnectorError, configError, systemError, transientError } from '../errors.js';

/** Turns whatever got threw into a ConnectorError whose message names the request, never a token. */
export function toConnectorError(error: unknown, what: string): ConnectorError {
  const own = connectorErrorIn(error);
  if (own !== undefined) return own;
  if (error instanceof HTTPError) return fromStatus(error, what);
  if (error instanceof TimeoutError) {
    return transientError(`${what} timed out (${error.event}) after ${error.options.retry.limit} retries. Peloton may be slow right now; try again later or raise request_timeout_seconds.`, error);
  }
  if (error instanceof RequestError) {
    const host = safeHost(error);
    if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return transientError(`${what} failed: the host ${host} could not be resolved (${error.code}). Check the network and the base URLs in the config.`, error);
    if (error.code === 'ECONNREFUSED') return transientError(`${what} failed: ${host} refused the connection. Check the network and the base URLs in the config.`, error);
    return transientError(`${what} failed after ${error.options.retry.limit} retries: ${error.code ?? 'network error'} talking to ${host}. Try again later.`, error);
  }
  return systemError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, error);
}

function fromStatus(error: HTTPError, what: string): ConnectorError {
  const status = error.response.statusCode;
  if (status === 401) return configError(`${what} answered 401 (not logged in): the credentials were rejected. Check the credentials in the config.`, error);
  if (status === 403) return configError(`${what} answered 403 (forbidden): this account may not access it. Check that the credentials belong to the account whose workouts you want.`, error);
  if (status === 404) return systemError(`${what} answered 404 (not found): Peloton may have changed this route. Check api_base_url.`, error);
  if (status === 429) return transientError(`${what} was rate limited by Peloton (429) ${error.options.retry.limit} times in a row. Wait a while, lower requests_per_second, then sync again.`, error);
  if (status >= 500) return transientError(`${what} kept failing with ${status} from Peloton after ${error.options.retry.limit} retries. Peloton may be having an outage; try again later.`, error);
  return systemError(`${what} answered ${status} unexpectedly.`, error);
}

function safeHost(error: RequestError): string {
  const url = error.options.url;
  return url instanceof URL ? url.host : 'the server';
}

/** A ConnectorError thrown inside a got hook (e.g. by auth renewal) arrives wrapped, maybe twice. */
function connectorErrorIn(error: unknown): ConnectorError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof ConnectorError) return current;
  }
  return undefined;
}
