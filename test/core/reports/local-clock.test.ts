// The reports' fast office clock (one Intl call per quarter hour) must say what core/events/zone.ts says for every
// instant, across DST changes and in zones off UTC by half or three quarters of an hour.

import { localDayKey, localParts } from '../../../src/core/events/zone';
import { localClock, mondayOf } from '../../../src/core/reports/local-clock';

const ZONES = ['Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Moscow'];

test.each(ZONES)('%s: day and hour of every 7 minutes around the 2026 clock changes', (zone) => {
  const clock = localClock(zone);
  const spans = [Date.UTC(2026, 2, 27), Date.UTC(2026, 3, 3), Date.UTC(2026, 9, 2), Date.UTC(2026, 9, 23)];
  for (const from of spans) {
    for (let ms = from; ms < from + 4 * 86_400_000; ms += 7 * 60_000 + 13_000) {
      const at = new Date(ms);
      expect([clock.day(at), clock.hour(at)]).toEqual([localDayKey(at, zone), localParts(at, zone).hour]);
    }
  }
});

test('weeks start on Monday', () => {
  expect(['2026-03-01', '2026-03-02', '2026-03-08'].map(mondayOf)).toEqual(['2026-02-23', '2026-03-02', '2026-03-02']);
});
