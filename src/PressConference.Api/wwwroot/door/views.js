// The page's three views, its status bar, and the helpers every part uses to put words on screen.

import { ApiError, NetworkError, session } from './api.js';
import { state } from './state.js';
import { T, dateTime } from './texts.js';

export const $ = (id) => document.getElementById(id);

const VIEWS = ['login-view', 'setup-view', 'scan-view'];

/** index.html names its words by key (data-text, data-placeholder); the sentences themselves are in texts.js. */
export function applyTexts() {
  document.title = T.title;
  for (const element of document.querySelectorAll('[data-text]')) {
    element.textContent = T[element.dataset.text] ?? element.dataset.text;
  }

  for (const element of document.querySelectorAll('[data-placeholder]')) {
    element.placeholder = T[element.dataset.placeholder] ?? element.dataset.placeholder;
  }
}

export function show(view) {
  for (const id of VIEWS) {
    $(id).hidden = id !== view;
  }
}

export function setText(id, text) {
  $(id).textContent = text ?? '';
}

export function showError(id, message) {
  const element = $(id);
  element.textContent = message ?? '';
  element.hidden = !message;
}

/** The sentence for a failed call: a dropped network and an expired session in our words, anything else as the server said it. */
export function describe(error) {
  if (error instanceof NetworkError) {
    return T.networkDown;
  }

  if (error instanceof ApiError && error.status === 401 && error.problem?.code !== 'InvalidCredentials' && session()) {
    return T.sessionExpired;
  }

  return error?.message ?? String(error);
}

// ---------------------------------------------------------------- status bar and counters

export function setOnline(online) {
  state.online = online;
  const pill = $('network');
  pill.textContent = online ? T.online : T.offline;
  pill.className = `pill ${online ? 'pill-online' : 'pill-offline'}`;
  pill.dataset.online = String(online);
}

export function renderQueue() {
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

export function renderCounts() {
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
