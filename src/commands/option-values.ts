/** Hides whatever follows an option name in commander's "unknown option" error: it may be a password. */
export function withoutOptionValues(message: string): string {
  return message.replace(/unknown option '(--[^'=]+|-[^-'])[^']*'/g, "unknown option '$1'");
}
