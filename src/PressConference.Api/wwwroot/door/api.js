// Calls to this service's API with the door-staff member's bearer token. A dropped network (fetch throws, or no
// answer in time) is told apart from an answer the server gave: the first makes the page work offline.

import { load, save, remove } from './store.js';
import { T } from './texts.js';

export class NetworkError extends Error {}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? T.httpError(status));
    this.status = status;
    this.problem = problem;
  }
}

const SESSION = 'session';

export function session() {
  return load(SESSION);
}

export function signOut() {
  remove(SESSION);
}

export async function signIn(email, password) {
  const tokens = await call('/api/auth/login', { method: 'POST', body: { email, password }, anonymous: true });
  save(SESSION, { email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
  const me = await api('/api/auth/me');
  save(SESSION, { ...session(), displayName: me.displayName, roles: me.roles });
  return session();
}

/** An authenticated call; a 401 is retried once after refreshing the access token. */
export async function api(path, options = {}) {
  try {
    return await call(path, options);
  } catch (error) {
    const current = session();
    if (!(error instanceof ApiError) || error.status !== 401 || !current?.refreshToken) {
      throw error;
    }

    const tokens = await call('/api/auth/refresh', { method: 'POST', body: { refreshToken: current.refreshToken }, anonymous: true });
    save(SESSION, { ...current, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    return call(path, options);
  }
}

async function call(path, { method = 'GET', body, anonymous = false, timeoutMs = 8000 } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': 'vi' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  const token = session()?.accessToken;
  if (!anonymous && token) {
    headers.Authorization = `Bearer ${token}`;
  }

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
  } catch (error) {
    throw new NetworkError(error?.message ?? 'network');
  }

  const text = await response.text();
  const json = text ? safeParse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }

  return json;
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
