// The door's own judgement when the network is down, from the check-in bundle it downloaded: the same checks and
// reason codes as POST /api/checkin/scans, with the passes this device admitted standing in for the server's list.
// Scans made this way wait in a queue until POST /api/checkin/sync accepts them.

import { load, save, doorKey } from './store.js';
import { importKeys, locationTagOf, verifyToken } from './pass.js';

/**
 * The bundle (GET /api/briefings/{id}/checkin-bundle, CheckInBundle on the server) as the page keeps it: passes and
 * revocations by pass id, so a scan is one lookup.
 */
export function normaliseBundle(raw) {
  const revoked = {};
  for (const id of raw.revokedPassIds ?? []) {
    revoked[id] = { reason: 'Revoked', at: null };
  }

  for (const r of raw.revocations ?? []) {
    revoked[r.passId] = { reason: r.reason === 'Cancelled' ? 'Cancelled' : 'Revoked', at: r.revokedAt ?? null };
  }

  return {
    briefingId: raw.briefingId,
    briefingTitle: raw.briefingTitle,
    status: raw.briefingStatus ?? null,
    remotePointId: raw.remotePointId ?? null,
    location: raw.location ?? null,
    validFrom: raw.validFrom ?? null,
    validUntil: raw.validUntil ?? null,
    version: raw.version ?? null,
    generatedAt: raw.generatedAt ?? null,
    downloadedAt: new Date().toISOString(),
    keys: raw.keys ?? [],
    passes: Object.fromEntries((raw.passes ?? []).map((p) => [p.passId, {
      reporterName: p.reporterName, outletName: p.outletName, checkedInAt: p.checkedInAt ?? null, door: p.firstDoor ?? null,
    }])),
    revoked,
  };
}

export class OfflineDoor {
  constructor(selection) {
    this.selection = selection;
    this.key = doorKey(selection);
    this.bundle = load(`bundle/${this.key}`);
    this.admitted = load(`admitted/${this.key}`, {});
    this.refused = load(`refused/${this.key}`, 0);
    this.keys = new Map();
  }

  async ready() {
    this.keys = await importKeys(this.bundle?.keys);
    return this;
  }

  get hasBundle() {
    return this.bundle !== null;
  }

  get passCount() {
    return this.bundle ? Object.keys(this.bundle.passes).length : null;
  }

  get admittedCount() {
    return Object.keys(this.admitted).length;
  }

  async setBundle(raw) {
    this.bundle = normaliseBundle(raw);
    save(`bundle/${this.key}`, this.bundle);
    this.keys = await importKeys(this.bundle.keys);
    // Admissions other doors reported before the download count as "already checked in" here too.
    for (const [passId, pass] of Object.entries(this.bundle.passes)) {
      if (pass.checkedInAt && !this.admitted[passId]) {
        this.remember(passId, { at: pass.checkedInAt, door: pass.door, elsewhere: true });
      }
    }
  }

  /** Keeps an admission (from the server or from this door) so a second scan is told apart offline. */
  remember(passId, { at, door, elsewhere = false }) {
    if (!passId || this.admitted[passId]) {
      return;
    }

    this.admitted[passId] = { at, door: door ?? null, elsewhere };
    save(`admitted/${this.key}`, this.admitted);
  }

  countRefusal() {
    this.refused += 1;
    save(`refused/${this.key}`, this.refused);
  }

  /**
   * The verdict the server would give (DoorScanner.ScanAsync: token, then place, then revocation, then window, then
   * the one admission), in the shape of its answer.
   */
  async judge(token, now = new Date()) {
    const { check, pass } = await verifyToken(token, this.keys);
    if (check !== 'Valid') {
      return refused(check);
    }

    const bundle = this.bundle;
    const known = bundle.passes[pass.passId];
    const who = { passId: pass.passId, reporterName: known?.reporterName ?? null, outletName: known?.outletName ?? null };
    if (pass.briefingId !== this.selection.briefingId) {
      return refused('WrongBriefing', who);
    }

    if (pass.locationTag !== locationTagOf(this.selection.remotePointId)) {
      return refused('WrongLocation', who);
    }

    const revocation = bundle.revoked[pass.passId];
    if (revocation && (!revocation.at || new Date(revocation.at) <= now)) {
      return refused(revocation.reason, who);
    }

    if (bundle.status === 'Cancelled') {
      return refused('Cancelled', who);
    }

    // The bundle's window is exact; the token's is rounded to the minute (outwards).
    const opensAt = bundle.validFrom ? new Date(bundle.validFrom) : pass.validFrom;
    const closesAt = bundle.validUntil ? new Date(bundle.validUntil) : pass.validUntil;
    if (now < opensAt) {
      return refused('NotYetOpen', { ...who, opensAt: opensAt.toISOString() });
    }

    if (now >= closesAt) {
      return refused('Closed', { ...who, closedAt: closesAt.toISOString() });
    }

    const first = this.admitted[pass.passId];
    if (first) {
      return {
        ...who, result: 'AlreadyCheckedIn', checkedInAt: first.at, firstCheckedInAt: first.at, firstDoor: first.door, offline: true,
      };
    }

    // A validly signed pass missing from the bundle was issued after the download: admit it, the sync checks it again.
    return { ...who, result: 'Admitted', checkedInAt: now.toISOString(), unknownReporter: !known, offline: true };
  }
}

function refused(reason, who = {}) {
  return { ...who, result: 'Refused', reason, offline: true };
}

/** Scans made while the network was down, in the order they were made, until the server has taken them. */
export class ScanQueue {
  constructor() {
    this.items = load('queue', []);
  }

  get length() {
    return this.items.length;
  }

  add(scan) {
    this.items.push(scan);
    save('queue', this.items);
  }

  /** The scans of one door (briefing, location, door name): POST /api/checkin/sync takes one door at a time. */
  nextBatch(size) {
    const first = this.items[0];
    if (!first) {
      return null;
    }

    const sameDoor = (s) => s.briefingId === first.briefingId && (s.remotePointId ?? null) === (first.remotePointId ?? null)
      && (s.doorId ?? null) === (first.doorId ?? null);
    return { door: first, scans: this.items.filter(sameDoor).slice(0, size) };
  }

  /** Removes what the server acknowledged; scans added while the sync was on the way stay. */
  acknowledge(sent) {
    const done = new Set(sent.map((s) => s.localId));
    this.items = this.items.filter((s) => !done.has(s.localId));
    save('queue', this.items);
  }
}
