// Choosing the briefing and the location (and naming the door). An account the office bound to one briefing and
// location (/api/checkin/door-bindings/me) gets that choice made and locked.

import { api, ApiError, session } from './api.js';
import { save } from './store.js';
import { stopCamera } from './camera.js';
import { openScanner } from './scan.js';
import { expireSession } from './signin.js';
import { state } from './state.js';
import { T, dateTime } from './texts.js';
import { $, describe, setText, show, showError } from './views.js';

// A required <select> refuses an empty value, so the main venue has a name of its own here (null in the API).
const MAIN_VENUE = 'main';

let briefings = [];
let binding = null;

export async function openSetup() {
  show('setup-view');
  stopCamera();
  setText('door-context', '');
  const who = session();
  setText('signed-in-as', who ? T.signedInAs(who.displayName ?? who.email) : '');
  showError('setup-error', null);
  const select = $('briefing');
  select.replaceChildren(new Option(T.loading, ''));
  try {
    // Briefings that have not ended yet; on the day itself registration is usually closed, so both live statuses count.
    const from = new Date(Date.now() - 12 * 3600_000).toISOString();
    const page = await api(`/api/briefings?from=${encodeURIComponent(from)}&pageSize=100`);
    briefings = page.items.filter((b) => b.status === 'Published' || b.status === 'RegistrationClosed');
    select.replaceChildren(...briefings.map(briefingOption));
    if (briefings.length === 0) {
      select.replaceChildren(new Option(T.noBriefings, ''));
    }

    const previous = state.selection?.briefingId;
    if (previous && briefings.some((b) => b.id === previous)) {
      select.value = previous;
    }

    $('door-name').value = state.selection?.doorName ?? '';
    binding = await api('/api/checkin/door-bindings/me').catch(() => null);
    if (binding?.bound) {
      if (!briefings.some((b) => b.id === binding.briefingId)) {
        const bound = await api(`/api/briefings/${binding.briefingId}`).catch(() => null);
        if (bound) {
          briefings.unshift(bound);
          select.prepend(briefingOption(bound));
        }
      }

      select.value = binding.briefingId;
    }

    select.disabled = Boolean(binding?.bound);
    await loadLocations();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      expireSession();
      return;
    }

    showError('setup-error', describe(error));
  }
}

function briefingOption(briefing) {
  return new Option(T.briefingOption(dateTime(briefing.startsAt), briefing.title), briefing.id);
}

export async function loadLocations() {
  const briefing = briefings.find((b) => b.id === $('briefing').value);
  const select = $('location');
  // The list cuts long titles on a phone: the whole title, time and venue are spelled out below it.
  setText('briefing-summary', briefing ? T.briefingSummary(briefing.title, dateTime(briefing.startsAt), briefing.venue) : '');
  if (!briefing) {
    select.replaceChildren();
    return;
  }

  select.replaceChildren(new Option(T.mainVenueOption(briefing.venue), MAIN_VENUE));
  const points = await api(`/api/briefings/${briefing.id}/remote-points`);
  select.append(...points.map((p) => new Option(T.remotePointOption(p.name), p.remotePointId)));
  const previous = binding?.bound ? binding.remotePointId : state.selection?.briefingId === briefing.id ? state.selection.remotePointId : null;
  if (previous && points.some((p) => p.remotePointId === previous)) {
    select.value = previous;
  }

  select.disabled = Boolean(binding?.bound);
}

export async function onStart(event) {
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
