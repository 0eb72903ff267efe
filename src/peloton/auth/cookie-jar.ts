/**
 * The cookies of one login against one Auth0 host, in got's `cookieJar` shape. Auth0 sets a few
 * session cookies on its own origin; names and values are all the login needs.
 */
export class LoginCookieJar {
  private readonly cookies = new Map<string, string>();

  async setCookie(raw: string): Promise<void> {
    const [pair = '', ...attributes] = raw.split(';');
    const at = pair.indexOf('=');
    if (at <= 0) return;
    const name = pair.slice(0, at).trim();
    const expired = attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a));
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(at + 1).trim());
  }

  async getCookieString(): Promise<string> {
    return [...this.cookies.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
