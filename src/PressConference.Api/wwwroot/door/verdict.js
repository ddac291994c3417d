// The verdict fills the screen for a few seconds (longer when staff must read why), then the door scans on.

import { state } from './state.js';
import { T, reasonText, time, when } from './texts.js';
import { $, setText } from './views.js';

const VERDICT_MS = { Admitted: 2500, AlreadyCheckedIn: 5000, Refused: 6000, Unverified: 6000 };
const ICONS = { Admitted: '✓', AlreadyCheckedIn: '!', Refused: '✕', Unverified: '?' };

let timer = 0;
let shown = 0;

export function showVerdict(verdict) {
  const screen = $('verdict');
  const result = verdict.result;
  screen.className = `verdict ${result}`;
  screen.dataset.result = result;
  screen.dataset.reason = verdict.reason ?? '';
  screen.dataset.offline = String(Boolean(verdict.offline));
  screen.dataset.seq = String(++shown);
  setText('verdict-icon', ICONS[result]);
  setText('verdict-headline', T.verdict[result]);
  const name = verdict.reporterName ?? (result === 'Admitted' && verdict.unknownReporter ? T.unknownReporter : '');
  setText('verdict-name', name);
  setText('verdict-outlet', verdict.outletName ?? '');
  const [detail, note] = wording(verdict);
  setText('verdict-detail', detail);
  setText('verdict-note', note);
  screen.hidden = false;

  const bar = $('verdict-timer');
  const ms = VERDICT_MS[result] ?? 4000;
  bar.classList.remove('running');
  void bar.offsetWidth; // restarts the countdown bar's animation
  bar.style.animationDuration = `${ms}ms`;
  bar.classList.add('running');
  clearTimeout(timer);
  timer = setTimeout(hideVerdict, ms);
}

/** The line under the name (what happened) and the note below it (what to do or to know). */
function wording(verdict) {
  switch (verdict.result) {
    case 'Admitted':
      return [verdict.checkedInAt ? T.checkedInAt(time(verdict.checkedInAt)) : '', verdict.offline ? T.admittedOffline : ''];
    case 'AlreadyCheckedIn':
      return [T.firstCheckIn(time(verdict.firstCheckedInAt), verdict.firstDoor), ''];
    case 'Refused':
      if (verdict.detail) {
        return [verdict.detail, ''];
      }

      if (verdict.reason === 'NotYetOpen' && verdict.opensAt) {
        return [reasonText(verdict.reason), T.opensAt(when(verdict.opensAt))];
      }

      if (verdict.reason === 'Closed' && verdict.closedAt) {
        return [reasonText(verdict.reason), T.closedAt(when(verdict.closedAt))];
      }

      if (verdict.reason === 'WrongLocation' && verdict.location) {
        return [reasonText(verdict.reason), T.passFor(verdict.location)];
      }

      return [reasonText(verdict.reason), verdict.offline ? T.checkedOffline : ''];
    case 'Unverified':
      return [T.unverified, ''];
    default:
      return [verdict.detail ?? '', ''];
  }
}

export function hideVerdict() {
  clearTimeout(timer);
  $('verdict').hidden = true;
  if (state.lastSource === 'input' && !$('scan-view').hidden) {
    $('scanner-input').focus();
  }
}
