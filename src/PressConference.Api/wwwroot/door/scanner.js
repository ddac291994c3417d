// The phone camera as a QR scanner: the browser's BarcodeDetector where it exists (Chrome on Android), else jsQR,
// which the build copies from npm into vendor/ and which is loaded only when needed.

import { T } from './texts.js';

const SCAN_INTERVAL_MS = 120;
const SAME_CODE_PAUSE_MS = 1500;

export class CameraScanner {
  constructor(video, onCode, onError) {
    this.video = video;
    this.onCode = onCode;
    this.onError = onError;
    this.stream = null;
    this.timer = 0;
    this.last = { code: '', at: 0 };
  }

  get running() {
    return this.stream !== null;
  }

  async start() {
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new Error(T.cameraUnavailable);
    }

    const { name, decode } = await createDecoder();
    this.video.dataset.decoder = name;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
    } catch (error) {
      throw new Error(error?.name === 'NotAllowedError' ? T.cameraDenied : T.cameraUnavailable);
    }

    this.video.srcObject = this.stream;
    this.video.hidden = false;
    await this.video.play();
    const tick = async () => {
      if (!this.stream) {
        return;
      }

      try {
        const code = this.video.readyState >= 2 ? await decode(this.video) : null;
        // A code held in front of the camera is read many times a second: report it once, and again only after it
        // has been out of sight for a moment (the same pass shown a second time).
        const now = performance.now();
        if (code) {
          if (code !== this.last.code || now - this.last.at > SAME_CODE_PAUSE_MS) {
            this.onCode(code);
          }

          this.last = { code, at: now };
        }
      } catch (error) {
        this.onError(error);
      }

      this.timer = setTimeout(tick, SCAN_INTERVAL_MS);
    };
    tick();
  }

  stop() {
    clearTimeout(this.timer);
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.video.srcObject = null;
    this.video.hidden = true;
  }
}

async function createDecoder() {
  if ('BarcodeDetector' in window) {
    const formats = await window.BarcodeDetector.getSupportedFormats?.() ?? ['qr_code'];
    if (formats.includes('qr_code')) {
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return { name: 'BarcodeDetector', decode: async (video) => (await detector.detect(video))[0]?.rawValue ?? null };
    }
  }

  const jsQR = await loadJsQr();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const decode = (video) => {
    // Decoding a downscaled frame keeps a mid-range phone responsive; a pass fills much of the frame anyway.
    const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
  return { name: 'jsQR', decode };
}

let jsQrPromise = null;

/** jsQR is a classic (UMD) script that sets window.jsQR. */
export function loadJsQr() {
  jsQrPromise ??= new Promise((resolve, reject) => {
    if (window.jsQR) {
      resolve(window.jsQR);
      return;
    }

    const script = document.createElement('script');
    script.src = 'vendor/jsQR.js';
    script.onload = () => (window.jsQR ? resolve(window.jsQR) : reject(new Error(T.cameraNoDecoder)));
    script.onerror = () => {
      jsQrPromise = null;
      reject(new Error(T.cameraNoDecoder));
    };
    document.head.append(script);
  });
  return jsQrPromise;
}
