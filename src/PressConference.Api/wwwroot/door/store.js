// What the door keeps on the device, in localStorage: the session, the chosen briefing and location, the offline
// bundle, the passes admitted here, and the scans waiting to be synced. Everything survives a reload, which
// matters when the page is reopened while the network is down.

const PREFIX = 'pressconference.door.';

export function load(key, fallback = null) {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  localStorage.setItem(PREFIX + key, JSON.stringify(value));
}

export function remove(key) {
  localStorage.removeItem(PREFIX + key);
}

/** A stable id for this device, sent with every sync so the server can tell doors apart and stay idempotent. */
export function deviceId() {
  let id = load('deviceId');
  if (!id) {
    // randomUUID exists only in a secure context; getRandomValues everywhere.
    id = crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    save('deviceId', id);
  }

  return id;
}

/** The key under which a briefing + location keeps its bundle, admitted list and counters. */
export function doorKey(selection) {
  return `${selection.briefingId}/${selection.remotePointId ?? 'main'}`;
}

/**
 * Forgets what this device keeps about briefings (bundles with reporters' names, admitted lists, recent scans) when
 * nothing waits to be synced: a shared phone does not hand the next person yesterday's list.
 */
export function forgetDoors() {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX) && /^(bundle|admitted|refused|recent)\//.test(key.slice(PREFIX.length))) {
      localStorage.removeItem(key);
    }
  }
}
