// Time as a port: Apps Script's and Node's Date.now(), an emulator's virtual clock in tests.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}
