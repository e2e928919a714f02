/**
 * Deletes the cookies of a withdrawn category (CB-17). A cookie can only be deleted with the
 * Domain and Path it was set with, and `document.cookie` does not tell which: so each matching
 * name is expired on this host, on every parent domain (`.shop.example.se`, `.example.se`), and
 * on every parent path of the current page. HttpOnly cookies are out of reach of any script.
 */
export function deleteCookies(patterns: readonly string[]): string[] {
  if (patterns.length === 0) return [];
  const names = currentCookieNames().filter((name) => patterns.some((pattern) => matches(name, pattern)));
  for (const name of names) expireEverywhere(name);
  return names;
}

function matches(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function currentCookieNames(): string[] {
  try {
    return document.cookie
      .split(';')
      .map((pair) => pair.split('=')[0].trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}

function expireEverywhere(name: string): void {
  const labels = location.hostname.split('.');
  const domains = [''];
  // Every parent domain with at least two labels; browsers ignore the ones they would not accept.
  for (let i = 0; i < labels.length - 1; i++) domains.push(`; Domain=.${labels.slice(i).join('.')}`);
  const segments = location.pathname.split('/').filter(Boolean);
  const paths = ['/'];
  for (let i = 1; i <= segments.length; i++) paths.push('/' + segments.slice(0, i).join('/'));
  for (const domain of domains) {
    for (const path of paths) document.cookie = `${name}=; Max-Age=0; Path=${path}${domain}`;
  }
}
