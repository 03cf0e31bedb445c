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
 * The records in consecutive parts, each rendered once and at most `maxBytes`. Linear: every record is rendered
 * alone once to estimate its share (its text minus what an empty part costs: a CSV header, JSON brackets), the
 * estimates are packed greedily, each part is rendered and measured, and a part that came out larger than estimated
 * (a CSV part gains columns when a busier contact joins it) is halved and rendered again.
 */
export function splitParts<T>(records: T[], render: (part: T[]) => string, maxBytes = PART_BYTES): Array<Part<T>> {
  if (records.length === 0) return [];
  const base = utf8Bytes(render([]));
  const sizes = records.map((r, i) => {
    const alone = utf8Bytes(render([r]));
    if (alone > maxBytes) throw new RecordTooLargeError(i, alone, maxBytes);
    return Math.max(1, alone - base);
  });
  const parts: Array<Part<T>> = [];
  const emit = (from: number, to: number): void => {
    const slice = records.slice(from, to);
    const text = render(slice);
    const bytes = utf8Bytes(text);
    if (bytes <= maxBytes || to - from === 1) {
      if (bytes > maxBytes) throw new RecordTooLargeError(from, bytes, maxBytes);
      parts.push({ records: slice, text, bytes });
      return;
    }
    const mid = from + Math.ceil((to - from) / 2);
    emit(from, mid);
    emit(mid, to);
  };
  let start = 0;
  let estimate = base;
  for (let i = 0; i < records.length; i++) {
    if (i > start && estimate + sizes[i] > maxBytes) {
      emit(start, i);
      start = i;
      estimate = base;
    }
    estimate += sizes[i];
  }
  emit(start, records.length);
  return parts;
}
