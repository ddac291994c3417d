// Signing in and out with the door-staff account. A session that ends sends the page back to the sign-in form.

import { ApiError, signIn, signOut } from './api.js';
import { forgetDoors, remove } from './store.js';
import { stopCamera } from './camera.js';
import { state } from './state.js';
import { T } from './texts.js';
import { $, describe, setOnline, show, showError } from './views.js';

export function showLogin() {
  show('login-view');
  $('email').focus();
}

/** The sign-in form; once signed in, <next> opens what comes after (the set-up). */
export async function onLogin(event, next) {
  event.preventDefault();
  const button = $('login-button');
  button.disabled = true;
  showError('login-error', null);
  try {
    await signIn($('email').value.trim(), $('password').value);
    $('password').value = '';
    setOnline(true);
    await next();
  } catch (error) {
    showError('login-error', error instanceof ApiError && error.status === 401 ? (error.problem?.detail ?? T.loginFailed) : describe(error));
  } finally {
    button.disabled = false;
  }
}

export function onSignOut() {
  if (state.queue.length > 0 && !window.confirm(T.signOutWithQueue(state.queue.length))) {
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
  showLogin();
}

/** The server no longer knows the session (and refreshing it failed): sign in again. */
export function expireSession() {
  signOut();
  show('login-view');
  showError('login-error', T.sessionExpired);
}
