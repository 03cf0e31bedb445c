// The script's clock: Apps Script's Date.now() (the emulator's virtual clock when the bundle runs in tests).

import type { Clock } from '../core/ports/clock';

export const scriptClock: Clock = { now: () => Date.now() };
