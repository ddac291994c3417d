// The camera button: BarcodeDetector or jsQR behind scanner.js; each code read goes to the scan like a typed one.

import { CameraScanner } from './scanner.js';
import { T } from './texts.js';
import { $, showError } from './views.js';

let camera = null;

/** Turns the camera on (each code read is handed to onCode) or off. */
export async function toggleCamera(onCode) {
  const button = $('camera-button');
  showError('camera-error', null);
  if (camera?.running) {
    stopCamera();
    return;
  }

  camera ??= new CameraScanner($('camera-video'), (code) => onCode(code), (error) => showError('camera-error', error.message));
  button.disabled = true;
  try {
    await camera.start();
    button.textContent = T.cameraOff;
  } catch (error) {
    stopCamera();
    showError('camera-error', error.message);
  } finally {
    button.disabled = false;
  }
}

export function stopCamera() {
  camera?.stop();
  $('camera-button').textContent = T.cameraOn;
}
