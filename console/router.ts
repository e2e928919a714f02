/**
 * The console's pages as hash routes (`/console/#/requests/RR-2026-ABC123`): the server serves one
 * page, and a setup token in `#/setup/<token>` never reaches a server log.
 */
export type Route =
  | { page: 'inbox'; filters: { status?: string; right?: string; q?: string } }
  | { page: 'request'; reference: string }
  | { page: 'consent-proof'; id?: string }
  | { page: 'consent-rates'; query: { from?: string; to?: string; version?: string } }
  | { page: 'staff' }
  | { page: 'setup'; token: string }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
  const [first, second] = parts;
  if (!first || (first === 'requests' && !second)) {
    return { page: 'inbox', filters: { status: query.get('status') ?? undefined, right: query.get('right') ?? undefined, q: query.get('q') ?? undefined } };
  }
  if (first === 'requests' && second && parts.length === 2) return { page: 'request', reference: second };
  if (first === 'consent-proof' && parts.length === 1) return { page: 'consent-proof', id: query.get('id') ?? undefined };
  if (first === 'consent-rates' && parts.length === 1) {
    return { page: 'consent-rates', query: { from: query.get('from') ?? undefined, to: query.get('to') ?? undefined, version: query.get('version') ?? undefined } };
  }
  if (first === 'staff' && parts.length === 1) return { page: 'staff' };
  if (first === 'setup' && second) return { page: 'setup', token: second };
  return { page: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'inbox': {
      const query = new URLSearchParams(Object.entries(route.filters).filter((entry): entry is [string, string] => !!entry[1]));
      return `#/requests${query.size ? `?${query}` : ''}`;
    }
    case 'request':
      return `#/requests/${encodeURIComponent(route.reference)}`;
    case 'consent-proof':
      return `#/consent-proof${route.id ? `?${new URLSearchParams({ id: route.id })}` : ''}`;
    case 'consent-rates': {
      const query = new URLSearchParams(Object.entries(route.query).filter((entry): entry is [string, string] => !!entry[1]));
      return `#/consent-rates${query.size ? `?${query}` : ''}`;
    }
    case 'staff':
      return '#/staff';
    case 'setup':
      return `#/setup/${encodeURIComponent(route.token)}`;
    case 'not-found':
      return `#/${route.path}`;
  }
}
