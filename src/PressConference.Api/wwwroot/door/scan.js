// Scanning. Each scan goes to POST /api/checkin/scans; only a network failure (not an answer the server gave)
// switches to judging the pass here from the downloaded bundle, and such a scan is queued for the sync.

import { api, ApiError, NetworkError } from './api.js';
import { cleanToken, readToken } from './pass.js';
import { OfflineDoor } from './offline.js';
import { addRecent, renderRecent } from './recent.js';
import { expireSession } from './signin.js';
import { state } from './state.js';
import { refreshBundle, sync } from './sync.js';
import { T } from './texts.js';
import { showVerdict } from './verdict.js';
import { $, describe, renderCounts, renderQueue, setOnline, setText, show } from './views.js';

const SCAN_TIMEOUT_MS = 3000;

export async function openScanner() {
  const selection = state.selection;
  state.door = await new OfflineDoor(selection).ready();
  show('scan-view');
  setText('door-context', T.doorContext(selection.briefingTitle, selection.locationName, selection.doorName));
  renderCounts();
  renderRecent();
  renderQueue();
  $('scanner-input').focus();
  await refreshBundle(true);
  await sync();
}

/** A hand-held scanner types the code and presses Enter, like a person would. */
export async function onScanSubmit(event) {
  event.preventDefault();
  const input = $('scanner-input');
  const value = input.value;
  input.value = '';
  state.lastSource = 'input';
  await handleScan(value);
}

export async function handleScan(raw) {
  const token = cleanToken(raw);
  const door = state.door;
  if (!token || !door) {
    return;
  }

  const selection = door.selection;
  const scannedAt = new Date().toISOString();
  let verdict = null;
  try {
    verdict = await api('/api/checkin/scans', {
      method: 'POST',
      body: { token, briefingId: selection.briefingId, remotePointId: selection.remotePointId, doorId: selection.doorName },
      timeoutMs: SCAN_TIMEOUT_MS,
    });
    setOnline(true);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showVerdict({ result: 'Refused', reason: null, detail: T.sessionExpired });
      expireSession();
      return;
    }

    if (!(error instanceof NetworkError)) {
      // The server answered, but not with a verdict (a refused account binding, a bad request): show what it said.
      showVerdict({ result: 'Refused', detail: describe(error) });
      return;
    }

    setOnline(false);
  }

  let queued = false;
  if (verdict) {
    const read = readToken(token);
    verdict.passId = read?.passId ?? null;
    // The server's times are the pass as it is now (a moved briefing); the token's are what was printed.
    if (verdict.reason === 'NotYetOpen') {
      verdict.opensAt ??= read?.validFrom.toISOString();
    } else if (verdict.reason === 'Closed') {
      verdict.closedAt ??= read?.validUntil.toISOString();
    }
  } else {
    verdict = door.hasBundle ? await door.judge(token) : { result: 'Unverified', passId: readToken(token)?.passId ?? null, offline: true };
    state.queue.add({
      localId: crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`,
      token,
      scannedAt,
      localResult: verdict.result === 'Unverified' ? null : verdict.result,
      briefingId: selection.briefingId,
      remotePointId: selection.remotePointId,
      doorId: selection.doorName,
    });
    queued = true;
  }

  if (verdict.result === 'Admitted') {
    door.remember(verdict.passId, { at: verdict.checkedInAt ?? scannedAt, door: selection.doorName ?? T.thisDevice });
  } else if (verdict.result === 'AlreadyCheckedIn') {
    door.remember(verdict.passId, { at: verdict.firstCheckedInAt, door: verdict.firstDoor, elsewhere: true });
  } else {
    door.countRefusal();
  }

  addRecent({ ...verdict, scannedAt, queued });
  renderCounts();
  renderQueue();
  showVerdict(verdict);
  if (!queued && state.queue.length > 0) {
    sync();
  }
}

/** A code read by the camera is scanned like a typed one; after its verdict the input does not take the focus back. */
export function handleCameraCode(code) {
  state.lastSource = 'camera';
  handleScan(code);
}
