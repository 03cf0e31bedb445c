// The import's sheets are read through values.batchGet, which gives a date cell as a serial number in the
// spreadsheet's zone: it must come back as the instant written, or a colleague's fresh Check would look a day old
// (and its staged rows be dropped) or an abandoned one look fresh.

import { dateOfSerial } from '../../../src/server/import/import-sheets';
import { serialOf } from '../../../src/server/sheets/values-batch';

test.each(['Europe/Moscow', 'America/New_York', 'Asia/Tbilisi', 'UTC'])(
  'a date written as a serial in %s reads back as the same instant',
  (zone) => {
    for (const iso of ['2026-03-02T06:00:00Z', '2026-07-15T23:59:59Z', '2026-10-25T12:30:00Z']) {
      const at = new Date(iso);
      expect(dateOfSerial(serialOf(at, zone), zone).getTime()).toBe(at.getTime());
    }
  },
);
