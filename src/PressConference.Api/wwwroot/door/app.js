// The door-staff page: sign in, choose the briefing and the location, then scan. Each scan goes to the server when
// it can; when the network is down the page judges the pass itself from the downloaded bundle, queues the scan and
// syncs it later. The verdict fills the screen.

import { api, ApiError, NetworkError, session, signIn, signOut } from './api.js';
import { load, save, remove, deviceId, doorKey, forgetDoors } from './store.js';
import { cleanToken, readToken } from './pass.js';
import { OfflineDoor, ScanQueue } from './offline.js';
import { CameraScanner } from './scanner.js';
import { T, reasonText, time, dateTime } from './texts.js';

const SCAN_TIMEOUT_MS = 3000;
const SYNC_EVERY_MS = 10_000;
const BUNDLE_EVERY_MS = 5 * 60_000;
const SYNC_BATCH = 100;
const VERDICT_MS = { Admitted: 2500, AlreadyCheckedIn: 5000, Refused: 6000, Unverified: 6000 };
const RECENT = 12;
// A required <select> refuses an empty value, so the main venue has a name of its own here (null in the API).
const MAIN_VENUE = 'main';

const $ = (id) => document.getElementById(id);
const views = ['login-view', 'setup-view', 'scan-view'];

const state = {
  selection: load('selection'),
  door: null,
  queue: new ScanQueue(),
  online: navigator.onLine !== false,
  syncing: false,
  lastSource: 'input',
  verdictTimer: 0,
  bundleAt: 0,
  conflicts: [],
  verdicts: 0,
  camera: null,
};

function show(view) {
  for (const id of views) {
    $(id).hidden = id !== view;
  }
}

function setText(id, text) {
  $(id).textContent = text ?? '';
}

function showError(id, message) {
  const element = $(id);
  element.textContent = message ?? '';
  element.hidden = !message;
}

function describe(error) {
  if (error instanceof NetworkError) {
    return T.networkDown;
  }

  if (error instanceof ApiError && error.status === 401 && error.problem?.code !== 'InvalidCredentials' && session()) {
    return T.sessionExpired;
  }

  return error?.message ?? String(error);
}

// ---------------------------------------------------------------- status bar

function setOnline(online) {
  state.online = online;
  const pill = $('network');
  pill.textContent = online ? T.online : T.offline;
  pill.className = `pill ${online ? 'pill-online' : 'pill-offline'}`;
  pill.dataset.online = String(online);
}

function renderQueue() {
  const waiting = state.queue.length;
  const pill = $('queue');
  pill.hidden = waiting === 0 && !state.syncing;
  pill.textContent = state.syncing ? T.syncing : T.waiting(waiting);
  pill.dataset.waiting = String(waiting);
  const status = $('sync-status');
  const notes = [];
  if (waiting > 0) {
    notes.push(T.waiting(waiting));
  }

  if (state.conflicts.length > 0) {
    notes.push(`${T.syncConflicts(state.conflicts.length)}: ${state.conflicts.slice(-3).join(' ')}`);
  }

  status.textContent = notes.join(' · ');
  status.hidden = notes.length === 0;
}

function renderCounts() {
  const door = state.door;
  if (!door) {
    return;
  }

  setText('admitted-count', String(door.admittedCount));
  setText('expected-count', door.passCount === null ? '' : `/ ${door.passCount}`);
  setText('refused-count', String(door.refused));
  $('bundle-status').textContent = door.hasBundle
    ? T.bundleReady(door.passCount, dateTime(door.bundle.downloadedAt))
    : T.bundleMissing;
}

// ---------------------------------------------------------------- sign in

async function onLogin(event) {
  event.preventDefault();
  const button = $('login-button');
  button.disabled = true;
  showError('login-error', null);
  try {
    await signIn($('email').value.trim(), $('password').value);
    $('password').value = '';
    setOnline(true);
    await openSetup();
  } catch (error) {
    showError('login-error', error instanceof ApiError && error.status === 401 ? (error.problem?.detail ?? T.loginFailed) : describe(error));
  } finally {
    button.disabled = false;
  }
}

function onSignOut() {
  if (state.queue.length > 0 && !window.confirm(`${T.waiting(state.queue.length)}. Đăng xuất thì các lượt này chỉ được gửi sau khi đăng nhập lại. Vẫn đăng xuất?`)) {
    return;
  }

  signOut();
  if (state.queue.length === 0) {
    forgetDoors();
  }

  remove('selection');
  state.selection = null;
  state.door = null;
  stopCamera();
  show('login-view');
  $('email').focus();
}

// ---------------------------------------------------------------- choosing the briefing and the location

let briefings = [];
let binding = null;

async function openSetup() {
  show('setup-view');
  stopCamera();
  setText('door-context', '');
  const who = session();
  setText('signed-in-as', who ? `Đăng nhập: ${who.displayName ?? who.email}` : '');
  showError('setup-error', null);
  const select = $('briefing');
  select.replaceChildren(new Option('Đang tải…', ''));
  try {
    // Briefings that have not ended yet; on the day itself registration is usually closed, so both live statuses count.
    const from = new Date(Date.now() - 12 * 3600_000).toISOString();
    const page = await api(`/api/briefings?from=${encodeURIComponent(from)}&pageSize=100`);
    briefings = page.items.filter((b) => b.status === 'Published' || b.status === 'RegistrationClosed');
    select.replaceChildren(...briefings.map((b) => new Option(`${dateTime(b.startsAt)} — ${b.title}`, b.id)));
    if (briefings.length === 0) {
      select.replaceChildren(new Option(T.noBriefings, ''));
    }

    const previous = state.selection?.briefingId;
    if (previous && briefings.some((b) => b.id === previous)) {
      select.value = previous;
    }

    $('door-name').value = state.selection?.doorName ?? '';
    // An account bound to one briefing and location by the office scans only there: choose it and lock the choice.
    binding = await api('/api/checkin/door-bindings/me').catch(() => null);
    if (binding?.bound) {
      if (!briefings.some((b) => b.id === binding.briefingId)) {
        const bound = await api(`/api/briefings/${binding.briefingId}`).catch(() => null);
        if (bound) {
          briefings.unshift(bound);
          select.prepend(new Option(`${dateTime(bound.startsAt)} — ${bound.title}`, bound.id));
        }
      }

      select.value = binding.briefingId;
    }

    select.disabled = Boolean(binding?.bound);
    await loadLocations();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut();
      show('login-view');
      showError('login-error', T.sessionExpired);
      return;
    }

    showError('setup-error', describe(error));
  }
}

async function loadLocations() {
  const briefing = briefings.find((b) => b.id === $('briefing').value);
  const select = $('location');
  // The list cuts long titles on a phone: the whole title, time and venue are spelled out below it.
  setText('briefing-summary', briefing ? `${briefing.title} · ${dateTime(briefing.startsAt)} · ${briefing.venue}` : '');
  if (!briefing) {
    select.replaceChildren();
    return;
  }

  select.replaceChildren(new Option(`${T.mainVenue} — ${briefing.venue}`, MAIN_VENUE));
  const points = await api(`/api/briefings/${briefing.id}/remote-points`);
  select.append(...points.map((p) => new Option(`${T.remotePoint}: ${p.name}`, p.remotePointId)));
  const previous = binding?.bound ? binding.remotePointId : state.selection?.briefingId === briefing.id ? state.selection.remotePointId : null;
  if (previous && points.some((p) => p.remotePointId === previous)) {
    select.value = previous;
  }

  select.disabled = Boolean(binding?.bound);
}

async function onStart(event) {
  event.preventDefault();
  const briefing = briefings.find((b) => b.id === $('briefing').value);
  if (!briefing) {
    showError('setup-error', T.noBriefings);
    return;
  }

  const location = $('location');
  const remotePointId = location.value === MAIN_VENUE ? null : location.value;
  state.selection = {
    briefingId: briefing.id,
    briefingTitle: briefing.title,
    startsAt: briefing.startsAt,
    remotePointId,
    locationName: remotePointId ? location.selectedOptions[0].textContent : T.mainVenue,
    doorName: $('door-name').value.trim() || null,
  };
  save('selection', state.selection);
  await openScanner();
}

// ---------------------------------------------------------------- scanning

async function openScanner() {
  const selection = state.selection;
  state.door = await new OfflineDoor(selection).ready();
  show('scan-view');
  setText('door-context', `${selection.briefingTitle} · ${selection.locationName}${selection.doorName ? ` · ${selection.doorName}` : ''}`);
  renderCounts();
  renderRecent();
  renderQueue();
  $('scanner-input').focus();
  await refreshBundle(true);
  await sync();
}

async function refreshBundle(force = false) {
  const door = state.door;
  if (!door || (!force && Date.now() - state.bundleAt < BUNDLE_EVERY_MS)) {
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
      state.bundleAt = Date.now();
      setOnline(true);
    }
  } catch (error) {
    if (error instanceof NetworkError) {
      setOnline(false);
    }
  }

  renderCounts();
}

async function onScanSubmit(event) {
  event.preventDefault();
  const input = $('scanner-input');
  const value = input.value;
  input.value = '';
  state.lastSource = 'input';
  await handleScan(value);
}

async function handleScan(raw) {
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
      signOut();
      show('login-view');
      showError('login-error', T.sessionExpired);
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
    if (verdict.reason === 'NotYetOpen' && read) {
      verdict.opensAt = read.validFrom.toISOString();
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

// ---------------------------------------------------------------- the verdict

function showVerdict(verdict) {
  const screen = $('verdict');
  const result = verdict.result;
  screen.className = `verdict ${result}`;
  screen.dataset.result = result;
  screen.dataset.reason = verdict.reason ?? '';
  screen.dataset.offline = String(Boolean(verdict.offline));
  screen.dataset.seq = String(++state.verdicts);
  setText('verdict-icon', { Admitted: '✓', AlreadyCheckedIn: '!', Refused: '✕', Unverified: '?' }[result]);
  setText('verdict-headline', T.verdict[result]);
  const name = verdict.reporterName ?? (result === 'Admitted' && verdict.unknownReporter ? T.unknownReporter : '');
  setText('verdict-name', name);
  setText('verdict-outlet', verdict.outletName ?? '');
  let detail = verdict.detail ?? '';
  let note = '';
  if (result === 'Admitted') {
    detail = verdict.checkedInAt ? T.checkedInAt(time(verdict.checkedInAt)) : '';
    note = verdict.offline ? T.admittedOffline : '';
  } else if (result === 'AlreadyCheckedIn') {
    detail = T.firstCheckIn(time(verdict.firstCheckedInAt), verdict.firstDoor);
  } else if (result === 'Refused' && !verdict.detail) {
    detail = reasonText(verdict.reason);
    if (verdict.reason === 'NotYetOpen' && verdict.opensAt) {
      note = `Mở cửa lúc ${time(verdict.opensAt)}`;
    } else if (verdict.reason === 'WrongLocation' && verdict.location) {
      note = `Thẻ dành cho: ${verdict.location}`;
    } else if (verdict.offline) {
      note = 'Kiểm tra ngoại tuyến';
    }
  } else if (result === 'Unverified') {
    detail = T.unverified;
  }

  setText('verdict-detail', detail);
  setText('verdict-note', note);
  screen.hidden = false;

  const timer = $('verdict-timer');
  const ms = VERDICT_MS[result] ?? 4000;
  timer.classList.remove('running');
  void timer.offsetWidth; // restarts the countdown bar's animation
  timer.style.animationDuration = `${ms}ms`;
  timer.classList.add('running');
  clearTimeout(state.verdictTimer);
  state.verdictTimer = setTimeout(hideVerdict, ms);
}

function hideVerdict() {
  clearTimeout(state.verdictTimer);
  $('verdict').hidden = true;
  if (state.lastSource === 'input' && !$('scan-view').hidden) {
    $('scanner-input').focus();
  }
}

// ---------------------------------------------------------------- recent scans

function recentKey() {
  return `recent/${doorKey(state.selection)}`;
}

function addRecent(verdict) {
  const recent = load(recentKey(), []);
  recent.unshift({
    at: verdict.scannedAt,
    result: verdict.result,
    who: verdict.reporterName ?? (verdict.result === 'Refused' ? reasonText(verdict.reason) : '—'),
    queued: verdict.queued,
  });
  save(recentKey(), recent.slice(0, RECENT));
  renderRecent();
}

function renderRecent() {
  const list = $('recent');
  const tags = { Admitted: 'Vào', AlreadyCheckedIn: 'Đã vào', Refused: 'Từ chối', Unverified: 'Chưa rõ' };
  list.replaceChildren(...load(recentKey(), []).map((item) => {
    const li = document.createElement('li');
    li.className = item.result;
    const when = document.createElement('span');
    when.className = 'when';
    when.textContent = time(item.at);
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = item.who;
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = item.queued ? `${tags[item.result]} · chờ gửi` : tags[item.result];
    li.append(when, who, tag);
    return li;
  }));
}

// ---------------------------------------------------------------- offline queue

async function sync() {
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
      showError('camera-error', `Đồng bộ không thành công: ${describe(error)}`);
    }
  } finally {
    state.syncing = false;
    renderQueue();
    renderCounts();
  }
}

// ---------------------------------------------------------------- camera

async function toggleCamera() {
  const button = $('camera-button');
  showError('camera-error', null);
  if (state.camera?.running) {
    stopCamera();
    return;
  }

  state.camera ??= new CameraScanner($('camera-video'), (code) => {
    state.lastSource = 'camera';
    handleScan(code);
  }, (error) => showError('camera-error', error.message));
  button.disabled = true;
  try {
    await state.camera.start();
    button.textContent = T.cameraOff;
  } catch (error) {
    stopCamera();
    showError('camera-error', error.message);
  } finally {
    button.disabled = false;
  }
}

function stopCamera() {
  state.camera?.stop();
  $('camera-button').textContent = T.cameraOn;
}

// ---------------------------------------------------------------- start

function start() {
  $('login-form').addEventListener('submit', onLogin);
  $('setup-form').addEventListener('submit', onStart);
  $('briefing').addEventListener('change', () => loadLocations().catch((error) => showError('setup-error', describe(error))));
  $('sign-out').addEventListener('click', onSignOut);
  $('scan-form').addEventListener('submit', onScanSubmit);
  $('camera-button').addEventListener('click', toggleCamera);
  $('change-door').addEventListener('click', () => openSetup());
  $('verdict').addEventListener('click', hideVerdict);
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

  // The page's own files stay on the device, so a reload while the network is down still opens it.
  navigator.serviceWorker?.register('sw.js', { scope: './' }).catch(() => undefined);

  setOnline(state.online);
  renderQueue();
  if (!session()) {
    show('login-view');
    $('email').focus();
  } else if (state.selection) {
    openScanner();
  } else {
    openSetup();
  }
}

start();
