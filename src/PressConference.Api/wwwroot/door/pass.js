// Reading and verifying a pass token in the browser, exactly as the server does (docs/pass-format.md,
// src/PressConference.Api/Passes/PassToken.cs): Base45 (RFC 9285) of a 51-byte payload followed by a 64-byte
// ECDSA P-256 / SHA-256 signature in IEEE P1363 form (r||s), which WebCrypto verifies as it is.
//
// Payload, big-endian: version (1 byte) | key id (2) | pass id (16) | briefing id (16) | location tag (8: the last
// 8 bytes of the remote point's id, 0 for the main venue) | valid from, valid until (4 + 4, minutes since 1970 UTC).

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

export const VERSION = 1;
export const PAYLOAD_LENGTH = 51;
export const SIGNATURE_LENGTH = 64;
export const TOKEN_LENGTH = PAYLOAD_LENGTH + SIGNATURE_LENGTH;
export const TOKEN_CHARACTERS = Math.floor(TOKEN_LENGTH / 2) * 3 + (TOKEN_LENGTH % 2) * 2;
const MAIN_VENUE_TAG = '0000000000000000';

/** The location tag a token carries for a remote point (null: the main venue), as 16 hex digits. */
export function locationTagOf(remotePointId) {
  return remotePointId ? remotePointId.replace(/-/g, '').toLowerCase().slice(16) : MAIN_VENUE_TAG;
}

/** Strict Base45: a character outside the alphabet, a length of 3n+1 or an overflowing group gives null. */
export function base45Decode(text) {
  if (text.length % 3 === 1) {
    return null;
  }

  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let b = 0;
  for (let i = 0; i < text.length; i += 3) {
    const c0 = VALUES.get(text[i]);
    const c1 = VALUES.get(text[i + 1]);
    if (c0 === undefined || c1 === undefined) {
      return null;
    }

    if (text.length - i >= 3) {
      const c2 = VALUES.get(text[i + 2]);
      if (c2 === undefined) {
        return null;
      }

      const n = c0 + c1 * 45 + c2 * 2025;
      if (n > 0xffff) {
        return null;
      }

      bytes[b++] = n >> 8;
      bytes[b++] = n & 0xff;
    } else {
      const n = c0 + c1 * 45;
      if (n > 0xff) {
        return null;
      }

      bytes[b++] = n;
    }
  }

  return bytes;
}

/** What a scanner typed, minus the line ending a handheld scanner adds (spaces belong to the Base45 alphabet). */
export function cleanToken(text) {
  return String(text ?? '').replace(/[\r\n\t]/g, '');
}

/**
 * Splits a token into its fields, its signed bytes and its signature; null when it is not a version-1 token.
 * Guids are written big-endian, so their bytes read in the order of their usual text form.
 */
export function readToken(token) {
  if (typeof token !== 'string' || token.length !== TOKEN_CHARACTERS) {
    return null;
  }

  const bytes = base45Decode(token);
  if (!bytes || bytes.length !== TOKEN_LENGTH || bytes[0] !== VERSION) {
    return null;
  }

  const view = new DataView(bytes.buffer);
  const validFromMinutes = view.getUint32(43);
  const validUntilMinutes = view.getUint32(47);
  if (validUntilMinutes < validFromMinutes) {
    return null;
  }

  return {
    keyId: view.getUint16(1),
    passId: guid(bytes, 3),
    briefingId: guid(bytes, 19),
    locationTag: hex(bytes, 35, 8),
    validFrom: new Date(validFromMinutes * 60_000),
    validUntil: new Date(validUntilMinutes * 60_000),
    signed: bytes.slice(0, PAYLOAD_LENGTH),
    signature: bytes.slice(PAYLOAD_LENGTH),
  };
}

function hex(bytes, offset, length) {
  return Array.from(bytes.subarray(offset, offset + length), (b) => b.toString(16).padStart(2, '0')).join('');
}

function guid(bytes, offset) {
  const hex16 = hex(bytes, offset, 16);
  return `${hex16.slice(0, 8)}-${hex16.slice(8, 12)}-${hex16.slice(12, 16)}-${hex16.slice(16, 20)}-${hex16.slice(20)}`;
}

/** Imports the published keys (JWK from /api/checkin/keys or the bundle) once, keyed by their numeric id. */
export async function importKeys(publicKeys) {
  const keys = new Map();
  if (!globalThis.crypto?.subtle) {
    return keys;
  }

  for (const key of publicKeys ?? []) {
    try {
      const cryptoKey = await crypto.subtle.importKey('jwk', { kty: key.kty, crv: key.crv, x: key.x, y: key.y, ext: true },
        { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
      keys.set(Number(key.kid), cryptoKey);
    } catch {
      // A key the browser cannot import cannot vouch for anything: its passes come out as UnknownKey.
    }
  }

  return keys;
}

/**
 * The format, key and signature check, the same three outcomes as PassKeyRing.VerifyAsync on the server:
 * { check: 'Valid' | 'Malformed' | 'UnknownKey' | 'InvalidSignature', pass }.
 */
export async function verifyToken(token, keys) {
  const pass = readToken(token);
  if (!pass) {
    return { check: 'Malformed', pass: null };
  }

  const key = pass.keyId === 0 ? undefined : keys.get(pass.keyId);
  if (!key) {
    return { check: 'UnknownKey', pass: null };
  }

  const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, pass.signature, pass.signed);
  return valid ? { check: 'Valid', pass } : { check: 'InvalidSignature', pass: null };
}
