/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * How to log in to Peloton. Prefer 'Username and password' (the connector logs in once per sync) or 'OAuth refresh token'. A pasted bearer token expires after about 48 hours.
 */
export type Authentication = (UsernameAndPassword | OAuthRefreshToken | BearerToken)
export type UsernameOrEmail = string
export type Password = string
/**
 * auto: Auth0 password grant, falling back to the web login only when Peloton refuses that client. password_grant or web force one flow.
 */
export type LoginMethod = ("auto" | "password_grant" | "web")
/**
 * An Auth0 refresh token for auth.onepeloton.com. It may rotate on every use; the connector hands the new one back to the platform.
 */
export type RefreshToken = string
/**
 * Optional current access token; refreshed automatically when missing or about to expire.
 */
export type AccessToken = string
/**
 * The Auth0 client the refresh token belongs to. Defaults to Peloton's web client.
 */
export type OAuthClientId = string
/**
 * A bearer token copied from the browser's requests to api.onepeloton.com. Valid for about 48 hours.
 */
export type AccessToken1 = string
/**
 * UTC date and time in the format YYYY-MM-DDTHH:mm:ssZ. Workouts created before it are not read. Defaults to 30 days before the sync.
 */
export type StartDate = string
/**
 * Seconds between samples of the workout performance graphs.
 */
export type MetricsSamplingIntervalSeconds = number
/**
 * Workouts per page request (Peloton caps it at 100).
 */
export type PageSize = number
/**
 * Upper bound on the request rate of a sync. Peloton flags accounts that poll aggressively; keep it low. 0 removes the limit.
 */
export type RequestsPerSecond = number
/**
 * How many requests may be in flight at once.
 */
export type ConcurrentRequests = number
/**
 * A request that takes longer is abandoned and retried.
 */
export type RequestTimeoutSeconds = number
/**
 * How many times a failed request (network error, 429, 5xx, empty body) is retried before the stream fails.
 */
export type RetriesPerRequest = number
/**
 * Peloton's API. http:// is accepted only for a loopback host.
 */
export type APIBaseURL = string
/**
 * Peloton's Auth0 tenant. http:// is accepted only for a loopback host.
 */
export type AuthBaseURL = string
export type PasswordGrantClientId = string
export type PasswordGrantScope = string
export type WebClientId = string
export type Audience = string
export type WebLoginScope = string
export type WebLoginRedirectURI = string
export type Auth0Tenant = string
export type Auth0Connection = string

export interface PelotonConfig {
credentials: Authentication
start_date?: StartDate
metrics_every_n?: MetricsSamplingIntervalSeconds
page_size?: PageSize
requests_per_second?: RequestsPerSecond
max_concurrency?: ConcurrentRequests
request_timeout_seconds?: RequestTimeoutSeconds
max_retries?: RetriesPerRequest
api_base_url?: APIBaseURL
auth_base_url?: AuthBaseURL
login_settings?: LoginSettingsAdvanced
[k: string]: unknown | undefined
}
export interface UsernameAndPassword {
auth_type: "password"
username: UsernameOrEmail
password: Password
login_method?: LoginMethod
[k: string]: unknown | undefined
}
export interface OAuthRefreshToken {
auth_type: "oauth"
refresh_token: RefreshToken
access_token?: AccessToken
client_id?: OAuthClientId
[k: string]: unknown | undefined
}
export interface BearerToken {
auth_type: "bearer"
access_token: AccessToken1
[k: string]: unknown | undefined
}
/**
 * Today's values of Peloton's login constants. Change them only if Peloton changes its login.
 */
export interface LoginSettingsAdvanced {
password_grant_client_id?: PasswordGrantClientId
password_grant_scope?: PasswordGrantScope
web_client_id?: WebClientId
audience?: Audience
web_scope?: WebLoginScope
redirect_uri?: WebLoginRedirectURI
tenant?: Auth0Tenant
connection?: Auth0Connection
[k: string]: unknown | undefined
}
