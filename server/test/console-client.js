// A staff member's browser, as far as the console API is concerned: a cookie
// jar, the latest CSRF token, JSON in and out (node:http via helpers.request).
import { request } from './helpers.js';

/** @param {string} baseUrl */
export function consoleClient(baseUrl) {
  /** @type {Map<string, string>} */ const cookies = new Map();
  let csrfToken = '';
  const remember = (/** @type {import('node:http').IncomingHttpHeaders} */ headers) => {
    for (const line of headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value.join('='));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  const client = {
    cookies,
    get csrfToken() { return csrfToken; },
    set csrfToken(value) { csrfToken = value; },
    /** @param {string} path @param {{ headers?: Record<string, string> }} [init] */
    async get(path, { headers = {} } = {}) {
      const answer = await request(`${baseUrl}/console/api${path}`, { headers: { cookie: cookieHeader(), ...headers } });
      remember(answer.headers);
      if (typeof answer.json?.csrfToken === 'string') csrfToken = answer.json.csrfToken;
      return answer;
    },
    /** @param {string} path @param {unknown} [body] @param {{ headers?: Record<string, string>, csrf?: boolean }} [init] */
    async post(path, body = {}, { headers = {}, csrf = true } = {}) {
      const answer = await request(`${baseUrl}/console/api${path}`, {
        method: 'POST', body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', cookie: cookieHeader(), ...(csrf ? { 'x-csrf-token': csrfToken } : {}), ...headers },
      });
      remember(answer.headers);
      if (typeof answer.json?.csrfToken === 'string') csrfToken = answer.json.csrfToken;
      return answer;
    },
    /** Fetches a CSRF token and signs in; throws unless 200. */
    async signIn(/** @type {string} */ email, /** @type {string} */ password) {
      await client.get('/csrf-token');
      const answer = await client.post('/sign-in', { email, password });
      if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.text}`);
      return answer.json;
    },
  };
  return client;
}

export const PASSWORD = 'correct horse battery staple';

/**
 * A staff member with a password, signed in.
 * @param {{ app: any, url: string }} server @param {'viewer' | 'handler' | 'admin'} role
 */
export async function signedIn(server, role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@energibolaget.example`) {
  const { staff } = await server.app.staffAccounts.add({ email, role, password: PASSWORD });
  const client = consoleClient(server.url);
  await client.signIn(email, PASSWORD);
  return Object.assign(client, { staff });
}
