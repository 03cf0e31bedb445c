// A backup file is cut into parts of at most PART_BYTES at record boundaries: Drive's simple and multipart uploads
// take 5 MB (the advanced service's switch to resumable uploads above that is UNVERIFIED, so the backup stays below
// it with room to spare). A record is never split, so every part is a file another program can open on its own.

import { utf8Bytes } from '../card-index/fit-entry';

/** The largest part, in UTF-8 bytes. */
export const PART_BYTES = 4_000_000;

export interface Part<T> {
  records: T[];
  text: string;
  /** UTF-8 bytes of `text`. */
  bytes: number;
}

/** One record alone renders larger than a part may be: it cannot be written (a People contact is far smaller —
 *  Google documents no per-contact size; UNVERIFIED — so this means a bug or a foreign file, not a big client). */
export class RecordTooLargeError extends Error {
  constructor(
    readonly index: number,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`Backup record ${index + 1} alone is ${bytes} bytes, more than a part may hold (${maxBytes} bytes).`);
    this.name = 'RecordTooLargeError';
  }
}

/**
 * The records in consecutive parts, each at most `maxBytes`. Linear: every record is rendered alone once to estimate
 * its share (its text minus what an empty part costs: a CSV header, JSON brackets), the estimates are packed
 * greedily, and each part is rendered and measured. A part that came out larger than estimated (JSON's commas, a CSV
 * part that gains columns when a busier contact joins it) is cut to the share that fits and rendered again, and the
 * next parts are packed with the overshoot learnt, so most parts are rendered once.
 */
export function splitParts<T>(records: T[], render: (part: T[]) => string, maxBytes = PART_BYTES): Array<Part<T>> {
  const base = utf8Bytes(render([]));
  const sizes = records.map((r, i) => {
    const alone = utf8Bytes(render([r]));
    if (alone > maxBytes) throw new RecordTooLargeError(i, alone, maxBytes);
    return Math.max(1, alone - base);
  });
  const parts: Array<Part<T>> = [];
  /** Actual bytes per estimated byte, the largest seen so far. */
  let overshoot = 1;
  for (let start = 0; start < records.length;) {
    let end = start;
    let estimate = base;
    while (end < records.length && (end === start || estimate + sizes[end] * overshoot <= maxBytes))
      estimate += sizes[end++] * overshoot;
    for (;;) {
      const slice = records.slice(start, end);
      const text = render(slice);
      const bytes = utf8Bytes(text);
      if (bytes <= maxBytes) {
        parts.push({ records: slice, text, bytes });
        break;
      }
      if (end - start === 1) throw new RecordTooLargeError(start, bytes, maxBytes);
      overshoot = Math.max(overshoot, ((bytes - base) / Math.max(1, estimate - base)) * overshoot);
      const fits = Math.floor(((end - start) * maxBytes * 0.99) / bytes);
      end = start + Math.max(1, Math.min(end - start - 1, fits));
      estimate = base + sizes.slice(start, end).reduce((a, b) => a + b, 0) * overshoot;
    }
    start = end;
  }
  return parts;
}
