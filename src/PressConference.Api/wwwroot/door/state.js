// What the page holds while it runs, shared by its parts. What must survive a reload lives in localStorage (store.js).

import { load } from './store.js';
import { ScanQueue } from './offline.js';

export const state = {
  /** The briefing, location and door name chosen at set-up. */
  selection: load('selection'),
  /** The OfflineDoor of that selection, once scanning has started. */
  door: null,
  queue: new ScanQueue(),
  online: navigator.onLine !== false,
  syncing: false,
  /** Where the last scan came from ('input' or 'camera'): after a verdict, only a scanner-gun door gets its focus back. */
  lastSource: 'input',
  /** Sentences about scans the server judged otherwise after a sync; they stay on screen. */
  conflicts: [],
};
