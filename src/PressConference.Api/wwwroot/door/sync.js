// Keeping an offline-capable door up to date: the bundle (passes, revocations, keys) is refreshed every few minutes,
// and the scans queued while offline are sent per door to POST /api/checkin/sync when the network returns.

import { api, NetworkError, session } from './api.js';
import { deviceId } from './store.js';
import { state } from './state.js';
import { T } from './texts.js';
import { $, describe, renderCounts, renderQueue, setOnline, showError } from './views.js';

const SYNC_EVERY_MS = 10_000;
const BUNDLE_EVERY_MS = 5 * 60_000;
const SYNC_BATCH = 100;

let bundleAt = 0;

export async function refreshBundle(force = false) {
  const door = state.door;
  if (!door || (!force && Date.now() - bundleAt < BUNDLE_EVERY_MS)) {
    return;
  }

  const selection = door.selection;
  if (!door.hasBundle) {
    $('bundle-status').textContent = T.bundleLoading;
  }

  try {
    const query = selection.remotePointId ? `?remotePointId=${selection.remotePointId}` : '';
    const bundle = await api(`/api/briefings/${selection.briefingId}/checkin-bundle${query}`);
    if (state.door === door) {
      await door.setBundle(bundle);
      bundleAt = Date.now();
      setOnline(true);
    }
  } catch (error) {
    if (error instanceof NetworkError) {
      setOnline(false);
    }
  }

  renderCounts();
}

export async function sync() {
  if (state.syncing || state.queue.length === 0 || !session()) {
    renderQueue();
    return;
  }

  state.syncing = true;
  renderQueue();
  try {
    for (let batch = state.queue.nextBatch(SYNC_BATCH); batch; batch = state.queue.nextBatch(SYNC_BATCH)) {
      const answer = await api('/api/checkin/sync', {
        method: 'POST',
        body: {
          deviceId: deviceId(),
          briefingId: batch.door.briefingId,
          remotePointId: batch.door.remotePointId,
          doorId: batch.door.doorId,
          scans: batch.scans.map((s) => ({ token: s.token, scannedAt: s.scannedAt, localResult: s.localResult })),
        },
        timeoutMs: 15_000,
      });
      state.queue.acknowledge(batch.scans);
      // Conflicts (a pass admitted at two doors, or revoked before this door let it in) stay on screen for the staff.
      state.conflicts.push(...(answer?.conflicts ?? []).map((c) => c.message));
      setOnline(true);
    }

    // What other doors did while this one was offline, and any revocation since.
    await refreshBundle(true);
  } catch (error) {
    if (error instanceof NetworkError) {
      setOnline(false);
    } else {
      showError('camera-error', T.syncFailed(describe(error)));
    }
  } finally {
    state.syncing = false;
    renderQueue();
    renderCounts();
  }
}

/** Syncs as soon as the network returns, and every few seconds while a door is open (the online event is not always told). */
export function keepInSync() {
  window.addEventListener('online', () => {
    setOnline(true);
    sync();
  });
  window.addEventListener('offline', () => setOnline(false));
  setInterval(() => {
    if (state.door) {
      sync();
      refreshBundle();
    }
  }, SYNC_EVERY_MS);
}
