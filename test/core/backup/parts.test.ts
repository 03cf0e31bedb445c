import { PART_BYTES, RecordTooLargeError, splitParts } from '../../../src/core/backup/parts';
import { backupCsv } from '../../../src/core/backup/csv';
import { vcard4 } from '../../../src/core/backup/vcard4';
import type { BackupContact } from '../../../src/core/backup/types';

const json = (part: unknown[]) => JSON.stringify(part);

function contact(i: number): BackupContact {
  return {
    labels: i % 3 ? ['VIP'] : [],
    person: {
      resourceName: `people/c${i}`,
      names: [{ displayName: `Клиент ${i}`, givenName: 'Клиент', familyName: `Номер${i}` }],
      phoneNumbers: Array.from({ length: (i % 4) + 1 }, (_, k) => ({
        value: `+7 912 ${String(i).padStart(3, '0')}-${k}0-00`,
        canonicalForm: `+7912${String(i).padStart(3, '0')}${k}000`,
        type: 'mobile',
      })),
      biographies: [{ value: `Заметка ${'ა'.repeat(i % 200)}` }],
      clientData: [{ key: 'crm.clientId', value: `c-${i}` }],
    },
  };
}

describe('backup parts', () => {
  it('keeps every part within the limit, never splits a record, loses or repeats none', () => {
    const records = Array.from({ length: 3000 }, (_, i) => contact(i));
    for (const render of [json, vcard4, backupCsv] as Array<(p: BackupContact[]) => string>) {
      const parts = splitParts(records, render, 200_000);
      expect(parts.length).toBeGreaterThan(3);
      expect(parts.flatMap((p) => p.records)).toEqual(records);
      for (const p of parts) {
        expect(p.bytes).toBe(Buffer.byteLength(p.text, 'utf8'));
        expect(p.bytes).toBeLessThanOrEqual(200_000);
        expect(p.text).toBe(render(p.records));
      }
      // Packed, not one record a part: each part but the last is more than half full.
      for (const p of parts.slice(0, -1)) expect(p.bytes).toBeGreaterThan(100_000);
    }
  });

  it('a CSV part that gains columns from a busier contact is split again, still within the limit', () => {
    const busy: BackupContact = {
      labels: [],
      person: {
        phoneNumbers: Array.from({ length: 60 }, (_, k) => ({ value: `+7900000${String(k).padStart(4, '0')}` })),
      },
    };
    const records = [...Array.from({ length: 2000 }, (_, i) => contact(i)), busy];
    const parts = splitParts(records, backupCsv, 150_000);
    expect(parts.flatMap((p) => p.records)).toEqual(records);
    for (const p of parts) expect(p.bytes).toBeLessThanOrEqual(150_000);
  });

  it('no records, no parts; one record larger than a part is refused by name', () => {
    expect(splitParts([], json)).toEqual([]);
    expect(() => splitParts(['x'.repeat(1000)], json, 500)).toThrow(RecordTooLargeError);
    expect(() => splitParts(['a', 'x'.repeat(1000)], json, 500)).toThrow(/record 2 alone is 1004 bytes/);
  });

  it('splits 25,000 contacts into 4 MB parts in linear time: about what rendering them twice costs', () => {
    const records = Array.from({ length: 25_000 }, (_, i) => contact(i));
    let started = Date.now();
    json(records);
    const once = Date.now() - started;
    started = Date.now();
    const parts = splitParts(records, json);
    const elapsed = Date.now() - started;
    expect(parts.flatMap((p) => p.records).length).toBe(25_000);
    for (const p of parts) expect(p.bytes).toBeLessThanOrEqual(PART_BYTES);
    expect(parts.length).toBeGreaterThan(1);
    // Rendering each record alone, then each part once (plus a retry now and then): a few renders' worth, never
    // one render per record per part. Measured against this machine's own speed, not a fixed time.
    expect(elapsed).toBeLessThan(10 * once + 2_000);
  });
});
