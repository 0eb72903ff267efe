/**
 * The only thing the HTTP client knows about logging in: a token to send, and what to do
 * when the API answers 401 to it. Implementations own everything about Peloton's login.
 */
export interface Authenticator {
  /** A token to send now (logging in or refreshing first if there is none or it is about to expire). */
  accessToken(): Promise<string>;
  /**
   * The API answered 401 to `rejected`: return a better token, or throw a config_error telling
   * the user what to do. Called at most once per request.
   */
  renew(rejected: string): Promise<string>;
  /** A short description for logs, with its article: "a bearer token", "a password login (password_grant)". */
  readonly description: string;
}
