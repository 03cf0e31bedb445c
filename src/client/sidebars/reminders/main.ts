// The Reminders sidebar, the office's first screen of the day: what is due today and overdue per manager, with the
// client's phone and last contact and one-click Done / Reschedule / Result; a form to log an event; who has gone
// quiet, who showed interest without ordering, and missed calls. Everything is rendered with textContent
// (lib/dom.ts element()).

import { freshEventId } from '../../../core/events/ids';
import { formatLocalDate, formatLocalInput, formatLocalTime } from '../../../core/events/zone';
import type { Locale } from '../../../core/i18n/locale';
import type { DueEventView, EventView, RemindersView } from '../../../shared/events-dto';
import { byId, element, fillTexts, options, phoneLink, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { showStatus } from '../../lib/status';
import { remindersText } from './strings';
import { ClientField } from './client-field';

let locale: Locale = 'en';
let timeZone = 'UTC';
/** The id of the event being logged, kept until the server confirms: pressing Log again after a lost answer reuses it. */
let pendingId = '';

const status = showStatus;

function fail(e: unknown): void {
  status(remindersText(locale, 'error', { message: e instanceof Error ? e.message : String(e) }), 'error');
}

// Dates and times in the office's zone (the spreadsheet's, not this browser's).
const timeOf = (iso: string) => formatLocalTime(new Date(iso), timeZone);
const dateOf = (iso: string) => formatLocalDate(new Date(iso), timeZone);
/** The value a datetime-local input shows for an instant. */
const inputValue = (iso: string) => formatLocalInput(new Date(iso), timeZone);

async function act(button: HTMLButtonElement, run: () => Promise<unknown>, done: string): Promise<void> {
  button.disabled = true;
  try {
    await run();
    status(done, 'ok');
    await load(false);
  } catch (e) {
    fail(e);
    button.disabled = false;
  }
}

function editor(item: HTMLElement, kind: 'reschedule' | 'result', event: DueEventView): void {
  item.querySelector('.editor')?.remove();
  const input =
    kind === 'reschedule'
      ? element('input', { type: 'datetime-local', 'data-field': 'at', value: inputValue(event.at) })
      : element('input', {
          type: 'text',
          'data-field': 'result',
          maxlength: '2000',
          placeholder: remindersText(locale, 'resultPlaceholder'),
        });
  const save = element(
    'button',
    { type: 'button', class: 'primary', 'data-action': `save-${kind}` },
    remindersText(locale, 'save'),
  );
  save.addEventListener('click', () => {
    const value = (input as HTMLInputElement).value.trim();
    if (!value) return;
    if (kind === 'reschedule') {
      void act(
        save,
        () => rpc.changeEvent({ id: event.id, action: 'reschedule', at: value }),
        remindersText(locale, 'rescheduled', { when: value.replace('T', ' ') }),
      );
    } else {
      void act(
        save,
        () => rpc.changeEvent({ id: event.id, action: 'done', result: value }),
        remindersText(locale, 'markedDone'),
      );
    }
  });
  item.appendChild(element('div', { class: 'editor' }, input, save));
  (input as HTMLInputElement).focus();
}

/** A button that opens the Client sidebar on this client's card (it replaces this sidebar, as Sheets shows one). */
function cardButton(resourceName: string): HTMLElement | null {
  if (!resourceName) return null;
  const button = element(
    'button',
    { type: 'button', class: 'card', 'data-action': 'card' },
    remindersText(locale, 'card'),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    rpc.openClientSidebar(resourceName).catch((e: unknown) => {
      fail(e);
      button.disabled = false;
    });
  });
  return button;
}

function eventItem(event: DueEventView): HTMLElement {
  const when = event.allDay
    ? event.overdue
      ? dateOf(event.at)
      : ''
    : event.overdue
      ? `${dateOf(event.at)} ${timeOf(event.at)}`
      : timeOf(event.at);
  const what = [event.kind, event.reason].filter(Boolean).join(' · ');
  const last = event.lastContact
    ? remindersText(locale, 'lastContact', {
        when: dateOf(event.lastContact.at),
        what: [event.lastContact.kind, event.lastContact.reason].filter(Boolean).join(', '),
      })
    : remindersText(locale, 'neverContacted');
  const item = element(
    'div',
    { class: `event${event.overdue ? ' overdue' : ''}`, 'data-event-id': event.id, 'data-status': event.status },
    element(
      'div',
      { class: 'head' },
      when ? element('span', { class: 'time' }, when) : null,
      element('span', { class: 'client' }, event.client),
      phoneLink(event.phone),
    ),
    what ? element('div', { class: 'what' }, what) : null,
    event.nextStep ? element('div', { class: 'what' }, event.nextStep) : null,
    element('div', { class: 'last' }, last),
  );
  const done = element('button', { type: 'button', 'data-action': 'done' }, remindersText(locale, 'done'));
  done.addEventListener(
    'click',
    () => void act(done, () => rpc.changeEvent({ id: event.id, action: 'done' }), remindersText(locale, 'markedDone')),
  );
  const move = element('button', { type: 'button', 'data-action': 'reschedule' }, remindersText(locale, 'reschedule'));
  move.addEventListener('click', () => editor(item, 'reschedule', event));
  const result = element('button', { type: 'button', 'data-action': 'result' }, remindersText(locale, 'result'));
  result.addEventListener('click', () => editor(item, 'result', event));
  // Rows typed by hand without an id cannot be found again safely: they are shown without buttons.
  if (event.id) item.appendChild(element('div', { class: 'actions' }, done, move, result, cardButton(event.clientId)));
  else if (event.clientId) item.appendChild(element('div', { class: 'actions' }, cardButton(event.clientId)));
  return item;
}

function grouped(target: HTMLElement, groups: Array<{ manager: string; events: DueEventView[] }>): void {
  const nonEmpty = groups.filter((g) => g.events.length);
  if (!nonEmpty.length) {
    replaceChildren(target, element('div', { class: 'empty' }, remindersText(locale, 'nothingDue')));
    return;
  }
  replaceChildren(
    target,
    ...nonEmpty.map((g) =>
      element(
        'div',
        { class: 'group', 'data-manager': g.manager },
        element('h3', {}, g.manager || remindersText(locale, 'noManager')),
        ...g.events.map(eventItem),
      ),
    ),
  );
}

function list<T>(target: HTMLElement, items: T[], empty: string, render: (item: T) => HTMLElement): void {
  replaceChildren(target, ...(items.length ? items.map(render) : [element('li', { class: 'empty' }, empty)]));
}

/** Element id → the words it shows. */
const TEXTS = {
  title: 'title',
  'due-title': 'dueToday',
  'overdue-title': 'overdue',
  'log-title': 'logHeading',
  'log-client-label': 'client',
  'log-kind-label': 'kind',
  'log-reason-label': 'reason',
  'log-at-label': 'when',
  'log-planned-label': 'planned',
  'log-manager-label': 'manager',
  'log-note-label': 'note',
  'log-submit': 'log',
  'quiet-title': 'quiet',
  'interested-title': 'interested',
  'missed-title': 'missed',
  'problems-title': 'problems',
} as const;

function texts(): void {
  fillTexts(TEXTS, (key) => remindersText(locale, key));
}

function render(view: RemindersView): void {
  locale = view.locale;
  timeZone = view.due.timeZone || 'UTC';
  texts();
  const split = (overdue: boolean) =>
    view.due.groups.map((g) => ({ manager: g.manager, events: g.events.filter((e) => e.overdue === overdue) }));
  grouped(byId('due'), split(false));
  grouped(byId('overdue'), split(true));
  options(byId<HTMLSelectElement>('log-kind'), view.kinds);
  options(byId<HTMLSelectElement>('log-reason'), view.reasons, { value: '', label: '—' });
  options(byId<HTMLSelectElement>('log-manager'), view.managers, { value: '', label: remindersText(locale, 'me') });
  list(byId('quiet'), view.quiet, remindersText(locale, 'nothingQuiet'), (q) =>
    element(
      'li',
      { 'data-client-id': q.resourceName },
      element(
        'div',
        {},
        element('span', { class: 'client' }, q.name),
        ' ',
        phoneLink(q.phone),
        ' ',
        cardButton(q.resourceName),
      ),
      element(
        'div',
        { class: 'meta' },
        [
          q.labels.join(', '),
          q.days === null
            ? remindersText(locale, 'neverContacted')
            : remindersText(locale, 'quietDays', { days: q.days }),
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
  );
  list(byId('interested'), view.interested, remindersText(locale, 'nothingInterested'), (i) =>
    element(
      'li',
      { 'data-client-id': i.clientId },
      element(
        'div',
        {},
        element('span', { class: 'client' }, i.client),
        ' ',
        phoneLink(i.phone),
        ' ',
        cardButton(i.clientId),
      ),
      element('div', { class: 'meta' }, `${dateOf(i.at)} · ${i.reason}`),
    ),
  );
  list(byId('missed'), view.missedCalls, remindersText(locale, 'nothingMissed'), (m: EventView) =>
    element(
      'li',
      { 'data-event-id': m.id },
      element('div', {}, element('span', { class: 'client' }, m.client), ' ', phoneLink(m.phone)),
      element('div', { class: 'meta' }, `${dateOf(m.at)} ${timeOf(m.at)}${m.manager ? ` · ${m.manager}` : ''}`),
    ),
  );
  byId('problems-section').hidden = view.problems.length === 0;
  list(byId('problems'), view.problems, '', (p) =>
    element(
      'li',
      { 'data-row': String(p.row) },
      remindersText(locale, 'problemAt', { row: p.row, column: p.column, message: p.message }),
    ),
  );
}

async function load(showLoading = true): Promise<void> {
  if (showLoading) status(remindersText(locale, 'loading'));
  try {
    render(await rpc.getReminders());
    if (showLoading) status('');
    document.body.setAttribute('data-loaded', 'true');
  } catch (e) {
    fail(e);
  }
}

const clientField = new ClientField({ locale: () => locale, dateOf, fail: (e) => logStatus(e) });

/** The form's own status line, next to the button: what was logged, or why not (and the same at the top). */
function logStatus(what: unknown, kind: 'ok' | 'error' | 'muted' = 'error'): void {
  const text =
    kind === 'error'
      ? remindersText(locale, 'error', { message: what instanceof Error ? what.message : String(what) })
      : String(what);
  const el = byId('log-status');
  el.className = `status ${kind}`;
  el.textContent = text;
  status(text, kind);
}

// Changing what is being logged makes it another event, with a new id.
byId('log-form').addEventListener('input', () => {
  pendingId = '';
});

byId('log-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('log-submit');
  if (!byId<HTMLInputElement>('log-client').value.trim()) return;
  const at = byId<HTMLInputElement>('log-at').value;
  button.disabled = true;
  try {
    // Who it is for, settled before anything is written: a text that is not ONE client shows the choices instead.
    const who = await clientField.settled();
    if (!who) {
      logStatus(remindersText(locale, 'needClient'), 'muted');
      return;
    }
    const logged = await rpc.logEvent({
      ...who,
      kind: byId<HTMLSelectElement>('log-kind').value,
      reason: byId<HTMLSelectElement>('log-reason').value,
      ...(at ? { at } : {}),
      planned: byId<HTMLInputElement>('log-planned').checked,
      ...(byId<HTMLSelectElement>('log-manager').value
        ? { manager: byId<HTMLSelectElement>('log-manager').value }
        : {}),
      note: byId<HTMLTextAreaElement>('log-note').value,
      id: pendingId || (pendingId = freshEventId(Date.now(), Math.random)),
    });
    pendingId = '';
    (byId('log-form') as HTMLFormElement).reset();
    clientField.reset();
    logStatus(remindersText(locale, 'logged', { kind: logged.kind, client: logged.client }), 'ok');
    await load(false);
  } catch (e) {
    logStatus(e);
  } finally {
    button.disabled = false;
  }
});

void load();
