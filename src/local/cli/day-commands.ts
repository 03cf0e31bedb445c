// due / birthdays / done / cancel / reschedule / undo-last: the Reminders sidebar's day from a terminal, through the
// same server functions (getDue, getBirthdays, changeEvent, undoChange). Every --at is office time unless it carries an
// offset (office-zone.ts); the last change's undo token is kept in the state folder (undo-state.ts).

import type { DueEventView, DueGroup, DueView, EventChange, EventPatch } from '../../shared/events-dto';
import type { Office } from '../office';
import { refusing } from './client-commands';
import { flag, ParsedArgs, Refusal, UsageError } from './args';
import { atOption, officeTimeZone } from './office-zone';
import { forgetUndo, lastUndo, rememberUndo } from './undo-state';

/** One page of the due list: the CLI pages through the whole window, so no event is left below a fold. */
const DUE_PAGE = 1000;
/** A year ahead is the farthest window either list is asked for. */
const MAX_DAYS = 366;

function daysOption(args: ParsedArgs, min: number, example: string): number | undefined {
  const text = flag(args, 'days');
  if (text === undefined) return undefined;
  const days = Number(text);
  if (!/^\d+$/.test(text.trim()) || days < min || days > MAX_DAYS)
    throw new UsageError(`--days must be a whole number from ${min} to ${MAX_DAYS}, e.g. ${example}`);
  return days;
}

/**
 * `crm due [--at ISO] [--days N] [--manager M]`: planned events due today and overdue (N = 0), up to tomorrow (1) or
 * the week ahead (7), all managers' or one's, every page of them, sorted by time.
 */
export function dueCommand(office: Office, args: ParsedArgs) {
  const at = atOption(office, args);
  const days = daysOption(args, 0, '--days 7 for the week ahead');
  const manager = flag(args, 'manager');
  const query = { ...(at ? { at } : {}), ...(days !== undefined ? { days } : {}), ...(manager ? { manager } : {}) };
  const pages: DueView[] = [];
  let seen = 0;
  // Page on until the window's total is read; a page that brings nothing ends it (the list changed meanwhile).
  for (;;) {
    const page = office.rpc.getDue({ ...query, offset: seen, limit: DUE_PAGE });
    pages.push(page);
    const got = page.groups.reduce((n, g) => n + g.events.length, 0);
    seen += got;
    if (got === 0 || seen >= page.total) break;
  }
  const first = pages[0];
  const groups = new Map<string, DueGroup>();
  for (const page of pages)
    for (const g of page.groups) {
      const group = groups.get(g.manager) ?? { manager: g.manager, events: [] as DueEventView[], total: g.total };
      group.events.push(...g.events);
      groups.set(g.manager, group);
    }
  const byManager = [...groups.values()];
  const events = byManager.flatMap((g) => g.events).sort((a, b) => a.at.localeCompare(b.at));
  const problems = pages.flatMap((p) => p.problems ?? []);
  return {
    at: first.at,
    timeZone: first.timeZone,
    from: first.from,
    to: first.to,
    days: days ?? 0,
    manager: manager ?? '',
    count: events.length,
    overdue: events.filter((e) => e.overdue).length,
    events,
    byManager,
    ...(problems.length ? { problems } : {}),
  };
}

/** `crm birthdays [--at ISO] [--days N]`: clients whose birthday is today or in the N - 1 days after (default 7). */
export function birthdaysCommand(office: Office, args: ParsedArgs) {
  const at = atOption(office, args);
  const days = daysOption(args, 1, '--days 7 for this week');
  const page = office.rpc.getBirthdays({ ...(at ? { at } : {}), ...(days !== undefined ? { days } : {}) });
  return {
    at: at ?? new Date(office.workspace.clock.now()).toISOString(),
    timeZone: officeTimeZone(office),
    days: days ?? 7,
    count: page.total,
    birthdays: page.items,
  };
}

function eventId(args: ParsedArgs, command: string): string {
  const [id, ...rest] = args.positional;
  if (!id)
    throw new UsageError(`${command} needs the event's id (the "id" that crm due prints), e.g. crm ${command} e-…`);
  if (rest.length) throw new UsageError(`${command} takes one event id, not ${args.positional.length}`);
  return id;
}

/** One change, and its undo token remembered as the last change (a change without a token forgets the older one). */
function change(office: Office, input: EventChange): EventPatch {
  const patch = refusing(() => office.rpc.changeEvent(input));
  rememberUndo(office, patch.undo);
  return patch;
}

/** `crm done EVENT_ID [--result TEXT]`. */
export function doneCommand(office: Office, args: ParsedArgs): EventPatch {
  const result = flag(args, 'result');
  return change(office, { id: eventId(args, 'done'), action: 'done', ...(result ? { result } : {}) });
}

/** `crm cancel EVENT_ID`: the planned event is cancelled and its calendar event deleted. */
export function cancelCommand(office: Office, args: ParsedArgs): EventPatch {
  return change(office, { id: eventId(args, 'cancel'), action: 'cancel' });
}

/** `crm reschedule EVENT_ID --at ISO`. */
export function rescheduleCommand(office: Office, args: ParsedArgs): EventPatch {
  const id = eventId(args, 'reschedule');
  const at = atOption(office, args);
  if (!at) throw new UsageError('reschedule needs --at, e.g. --at 2026-12-02T15:30 (office time)');
  return change(office, { id, action: 'reschedule', at });
}

/** `crm undo-last`: reverts the last done / cancel / reschedule made from this state folder, once. */
export function undoLastCommand(office: Office, args: ParsedArgs): EventPatch {
  if (args.positional.length) throw new UsageError('undo-last takes no arguments');
  const token = lastUndo(office);
  if (!token) throw new Refusal('Nothing to undo: no done, cancel or reschedule has been made from the CLI since.');
  const patch = office.rpc.undoChange(token);
  // Undone once: a second undo-last must not replay it (the server would refuse it anyway, the event changed).
  forgetUndo(office);
  return patch;
}
