// The door-staff page: sign in, choose the briefing and the location, then scan. Each scan goes to the server when
// it can; when the network is down the page judges the pass itself from the downloaded bundle, queues the scan and
// syncs it later. The verdict fills the screen. This module only starts the page and wires its parts together:
// views.js (views, status bar), signin.js, setup.js, scan.js, verdict.js, recent.js, sync.js, camera.js.

import { session } from './api.js';
import { toggleCamera } from './camera.js';
import { handleCameraCode, onScanSubmit, openScanner } from './scan.js';
import { loadLocations, onStart, openSetup } from './setup.js';
import { onLogin, onSignOut, showLogin } from './signin.js';
import { state } from './state.js';
import { keepInSync } from './sync.js';
import { hideVerdict } from './verdict.js';
import { $, applyTexts, describe, renderQueue, setOnline, showError } from './views.js';

function start() {
  applyTexts();
  $('login-form').addEventListener('submit', (event) => onLogin(event, openSetup));
  $('setup-form').addEventListener('submit', onStart);
  $('briefing').addEventListener('change', () => loadLocations().catch((error) => showError('setup-error', describe(error))));
  $('sign-out').addEventListener('click', onSignOut);
  $('scan-form').addEventListener('submit', onScanSubmit);
  $('camera-button').addEventListener('click', () => toggleCamera(handleCameraCode));
  $('change-door').addEventListener('click', () => openSetup());
  $('verdict').addEventListener('click', hideVerdict);
  keepInSync();

  // The page's own files stay on the device, so a reload while the network is down still opens it.
  navigator.serviceWorker?.register('sw.js', { scope: './' }).catch(() => undefined);

  setOnline(state.online);
  renderQueue();
  if (!session()) {
    showLogin();
  } else if (state.selection) {
    openScanner();
  } else {
    openSetup();
  }
}

start();
