// The short CRM line kept at the top of each client's contact note — labels, manager, last contact (date, kind, gist)
// and the next planned step — and the staff's own note text around it. The note (biographies[0], plain text) is the
// one contact field Google Contacts shows on Android and on the web, and the one caller-card apps read, so a phone
// signed into the office account shows the line when that client rings, with no app.
// Decisions:
// - the line starts with MARKER, plain ASCII, so it renders on every phone and is found again whatever else the note
//   holds; every line of a note that starts with it is the CRM's (an import may have appended an old one), every other
//   line is the staff's and is kept byte for byte (line endings included);
// - one line, never a newline inside, at most MAX_CHARS: the gist is shortened first (on a word, with …), then the line;
// - dates as the offices write them (dd.mm.yyyy, core/events/zone.ts) in the office's zone; the next step without its
//   year (it is days away) and with its time when it has one.

import type { ClientIndexEntry } from '../card-index/entry';
import { formatLocalDate, formatLocalTime } from '../events/zone';
import type { Locale } from '../i18n/locale';

export const CRM_MARKER = '[CRM]';
/** What a phone's contact screen shows of a note without a tap; caller-card apps show about as much. */
export const MAX_CHARS = 160;
/** A gist shorter than this says nothing: dropped rather than cut to a word or two. */
const MIN_GIST = 12;
const SEP = ' · ';

const WORDS: Record<Locale, { next: string; none: string }> = {
  ru: { next: 'далее', none: 'нет' },
  en: { next: 'next', none: 'none' },
  ka: { next: 'შემდეგ', none: 'არაფერი' },
};

/** A line of a note the CRM wrote (its marker at the start, spaces before it allowed). */
export function isCrmLine(line: string): boolean {
  return line.trimStart().startsWith(CRM_MARKER);
}

/** Text as one line: newlines, tabs and runs of spaces become one space. */
function oneLine(text: unknown): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `text` in at most `max` characters, cut after a whole word where there is one, with … ('' when max is tiny). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return '';
  let cut = text.slice(0, max - 1);
  // Never half a surrogate pair (an emoji in a result).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space >= max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:·–—-]+$/, '')}…`;
}

function dateOf(iso: string): Date | undefined {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

function what(kind: string, reason: string): string {
  const k = oneLine(kind);
  const r = oneLine(reason);
  return [k, r && r !== k ? r : ''].filter(Boolean).join(', ');
}

export function crmLine(entry: ClientIndexEntry, locale: Locale, timeZone: string): string {
  const words = WORDS[locale] ?? WORDS.en;
  const head = [(entry.labels ?? []).map(oneLine).filter(Boolean).join(', '), oneLine(entry.manager)].filter(Boolean);
  // The last contact: the newest done event (its result is the gist); an entry with only lastContact has no gist.
  const recent = entry.recent?.[0];
  const last = recent ?? entry.lastContact;
  let lastText = '';
  let gist = '';
  if (last) {
    const at = dateOf(last.at);
    lastText = [at ? formatLocalDate(at, timeZone) : '', what(last.kind, last.reason)].filter(Boolean).join(' ');
    gist = recent ? oneLine(recent.result) : '';
  }
  const planned = entry.planned?.[0];
  let nextText = `${words.next}: ${words.none}`;
  if (planned) {
    const at = dateOf(planned.at);
    const time = at ? formatLocalTime(at, timeZone) : '';
    const day = at ? formatLocalDate(at, timeZone).slice(0, 5) : '';
    const when = [day, time && time !== '00:00' ? time : ''].filter(Boolean).join(' ');
    nextText = `${words.next}: ${[when, what(planned.kind, planned.reason)].filter(Boolean).join(' ')}`;
  }
  const build = (g: string) =>
    `${CRM_MARKER} ${[...head, lastText && g ? `${lastText}: ${g}` : lastText, nextText].filter(Boolean).join(SEP)}`;
  let line = build(gist);
  if (line.length > MAX_CHARS && gist) {
    const room = MAX_CHARS - (line.length - gist.length);
    line = build(room >= MIN_GIST ? shorten(gist, room) : '');
  }
  return shorten(line, MAX_CHARS);
}

/** The note without the CRM line: what staff wrote. Every line carrying the marker goes, wherever it is. */
export function staffNote(note: string): string {
  const text = String(note ?? '');
  if (!text.includes(CRM_MARKER)) return text;
  return text
    .split('\n')
    .filter((line) => !isCrmLine(line))
    .join('\n');
}

/** The CRM line a note carries now ('' when none): the first line with the marker. */
export function crmLineOf(note: string): string {
  const line = String(note ?? '')
    .split('\n')
    .find(isCrmLine);
  return line ? line.replace(/\r$/, '') : '';
}

/** The note with `line` as its CRM line and the staff's text kept exactly. An empty `line` removes it. */
export function withCrmLine(note: string, line: string): string {
  const staff = staffNote(note);
  const one = oneLine(line);
  if (!one) return staff;
  const marked = isCrmLine(one) ? one : `${CRM_MARKER} ${one}`;
  return staff ? `${marked}\n${staff}` : marked;
}

type Biography = { value?: string | null; contentType?: string | null; [k: string]: unknown };

/**
 * A contact's biographies as comparisons see them (the backup's contact hash, the outside-change sync, a restore's and
 * the journal's diffs): the CRM line left out, since the CRM rewrites it after every event — our own derived text,
 * never a change anyone made. An entry left empty goes.
 */
export function withoutCrmLines(biographies: unknown): unknown {
  if (!Array.isArray(biographies)) return biographies;
  return (biographies as Biography[])
    .map((b) => (b && typeof b === 'object' && typeof b.value === 'string' ? { ...b, value: staffNote(b.value) } : b))
    .filter((b) => !(b && typeof b === 'object' && b.value === ''));
}

/**
 * `wanted` biographies (an undo's "before") with the CRM line `current` carries now: putting back what staff wrote
 * never takes the line away.
 */
export function keepingCrmLine(wanted: unknown, current: unknown): Biography[] | undefined {
  const line = crmLineOf(String((current as Biography[] | undefined)?.[0]?.value ?? ''));
  const list = Array.isArray(wanted) ? (wanted as Biography[]) : [];
  if (!line) return Array.isArray(wanted) ? list : undefined;
  const [first, ...rest] = list;
  return [
    { ...(first ?? { contentType: 'TEXT_PLAIN' }), value: withCrmLine(String(first?.value ?? ''), line) },
    ...rest,
  ];
}
