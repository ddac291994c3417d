// The last scans at this door (per briefing and location), newest first, kept across reloads.

import { load, save, doorKey } from './store.js';
import { state } from './state.js';
import { T, reasonText, time } from './texts.js';
import { $ } from './views.js';

const RECENT = 12;

function recentKey() {
  return `recent/${doorKey(state.selection)}`;
}

export function addRecent(verdict) {
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

export function renderRecent() {
  const list = $('recent');
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
    tag.textContent = item.queued ? T.recentQueued(T.recentTag[item.result]) : T.recentTag[item.result];
    li.append(when, who, tag);
    return li;
  }));
}
