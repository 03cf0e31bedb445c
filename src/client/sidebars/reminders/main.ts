// The Reminders sidebar, the office's first screen of the day: what is due today and overdue per manager, with the
// client's phone and last contact and one-click Done / Reschedule / Result; a form to log an event; who has gone
// quiet, who showed interest without ordering, and missed calls. Everything is rendered with textContent (dom.ts h()).

import { formatLocalDate, formatLocalInput, formatLocalTime } from '../../../core/events/zone';
import type { Locale } from '../../../core/i18n/locale';
import type { DueEventView, EventView, RemindersView } from '../../../shared/events-dto';
import { byId, fillTexts, h, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { showStatus } from '../../lib/status';
import { s } from './strings';

let locale: Locale = 'en';
let timeZone = 'UTC';
/** The id of the event being logged, kept until the server confirms: pressing Log again after a lost answer reuses it. */
let pendingId = '';

const status = showStatus;

function fail(e: unknown): void {
  status(s(locale, 'error', { message: e instanceof Error ? e.message : String(e) }), 'error');
}

// Dates and times in the office's zone (the spreadsheet's, not this browser's).
const timeOf = (iso: string) => formatLocalTime(new Date(iso), timeZone);
const dateOf = (iso: string) => formatLocalDate(new Date(iso), timeZone);
/** The value a datetime-local input shows for an instant. */
const inputValue = (iso: string) => formatLocalInput(new Date(iso), timeZone);

function phoneLink(phone: string): Node | null {
  if (!phone) return null;
  const dial = phone.replace(/[^\d+]/g, '');
  return h('a', { class: 'tel', href: `tel:${dial}`, 'data-phone': dial }, phone);
}

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
      ? h('input', { type: 'datetime-local', 'data-field': 'at', value: inputValue(event.at) })
      : h('input', {
          type: 'text',
          'data-field': 'result',
          maxlength: '2000',
          placeholder: s(locale, 'resultPlaceholder'),
        });
  const save = h('button', { type: 'button', class: 'primary', 'data-action': `save-${kind}` }, s(locale, 'save'));
  save.addEventListener('click', () => {
    const value = (input as HTMLInputElement).value.trim();
    if (!value) return;
    if (kind === 'reschedule') {
      void act(
        save,
        () => rpc.changeEvent({ id: event.id, action: 'reschedule', at: value }),
        s(locale, 'rescheduled', { when: value.replace('T', ' ') }),
      );
    } else {
      void act(save, () => rpc.changeEvent({ id: event.id, action: 'done', result: value }), s(locale, 'markedDone'));
    }
  });
  item.appendChild(h('div', { class: 'editor' }, input, save));
  (input as HTMLInputElement).focus();
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
    ? s(locale, 'lastContact', {
        when: dateOf(event.lastContact.at),
        what: [event.lastContact.kind, event.lastContact.reason].filter(Boolean).join(', '),
      })
    : s(locale, 'neverContacted');
  const item = h(
    'div',
    { class: `event${event.overdue ? ' overdue' : ''}`, 'data-event-id': event.id, 'data-status': event.status },
    h(
      'div',
      { class: 'head' },
      when ? h('span', { class: 'time' }, when) : null,
      h('span', { class: 'client' }, event.client),
      phoneLink(event.phone),
    ),
    what ? h('div', { class: 'what' }, what) : null,
    event.nextStep ? h('div', { class: 'what' }, event.nextStep) : null,
    h('div', { class: 'last' }, last),
  );
  const done = h('button', { type: 'button', 'data-action': 'done' }, s(locale, 'done'));
  done.addEventListener(
    'click',
    () => void act(done, () => rpc.changeEvent({ id: event.id, action: 'done' }), s(locale, 'markedDone')),
  );
  const move = h('button', { type: 'button', 'data-action': 'reschedule' }, s(locale, 'reschedule'));
  move.addEventListener('click', () => editor(item, 'reschedule', event));
  const result = h('button', { type: 'button', 'data-action': 'result' }, s(locale, 'result'));
  result.addEventListener('click', () => editor(item, 'result', event));
  // Rows typed by hand without an id cannot be found again safely: they are shown without buttons.
  if (event.id) item.appendChild(h('div', { class: 'actions' }, done, move, result));
  return item;
}

function grouped(target: HTMLElement, groups: Array<{ manager: string; events: DueEventView[] }>): void {
  const nonEmpty = groups.filter((g) => g.events.length);
  if (!nonEmpty.length) {
    replaceChildren(target, h('div', { class: 'empty' }, s(locale, 'nothingDue')));
    return;
  }
  replaceChildren(
    target,
    ...nonEmpty.map((g) =>
      h(
        'div',
        { class: 'group', 'data-manager': g.manager },
        h('h3', {}, g.manager || s(locale, 'noManager')),
        ...g.events.map(eventItem),
      ),
    ),
  );
}

function list<T>(target: HTMLElement, items: T[], empty: string, render: (item: T) => HTMLElement): void {
  replaceChildren(target, ...(items.length ? items.map(render) : [h('li', { class: 'empty' }, empty)]));
}

function options(select: HTMLSelectElement, values: string[], first?: { value: string; label: string }): void {
  const keep = select.value;
  replaceChildren(
    select,
    first ? h('option', { value: first.value }, first.label) : null,
    ...values.map((v) => h('option', { value: v }, v)),
  );
  if (keep && [...select.options].some((o) => o.value === keep)) select.value = keep;
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
  fillTexts(TEXTS, (key) => s(locale, key));
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
  options(byId<HTMLSelectElement>('log-manager'), view.managers, { value: '', label: s(locale, 'me') });
  list(byId('quiet'), view.quiet, s(locale, 'nothingQuiet'), (q) =>
    h(
      'li',
      { 'data-client-id': q.resourceName },
      h('div', {}, h('span', { class: 'client' }, q.name), ' ', phoneLink(q.phone)),
      h(
        'div',
        { class: 'meta' },
        [q.labels.join(', '), q.days === null ? s(locale, 'neverContacted') : s(locale, 'quietDays', { days: q.days })]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
  );
  list(byId('interested'), view.interested, s(locale, 'nothingInterested'), (i) =>
    h(
      'li',
      { 'data-client-id': i.clientId },
      h('div', {}, h('span', { class: 'client' }, i.client), ' ', phoneLink(i.phone)),
      h('div', { class: 'meta' }, `${dateOf(i.at)} · ${i.reason}`),
    ),
  );
  list(byId('missed'), view.missedCalls, s(locale, 'nothingMissed'), (m: EventView) =>
    h(
      'li',
      { 'data-event-id': m.id },
      h('div', {}, h('span', { class: 'client' }, m.client), ' ', phoneLink(m.phone)),
      h('div', { class: 'meta' }, `${dateOf(m.at)} ${timeOf(m.at)}${m.manager ? ` · ${m.manager}` : ''}`),
    ),
  );
  byId('problems-section').hidden = view.problems.length === 0;
  list(byId('problems'), view.problems, '', (p) =>
    h(
      'li',
      { 'data-row': String(p.row) },
      s(locale, 'problemAt', { row: p.row, column: p.column, message: p.message }),
    ),
  );
}

async function load(showLoading = true): Promise<void> {
  if (showLoading) status(s(locale, 'loading'));
  try {
    render(await rpc.getReminders());
    if (showLoading) status('');
    document.body.setAttribute('data-loaded', 'true');
  } catch (e) {
    fail(e);
  }
}

// Changing what is being logged makes it another event, with a new id.
byId('log-form').addEventListener('input', () => {
  pendingId = '';
});

byId('log-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('log-submit');
  const client = byId<HTMLInputElement>('log-client').value.trim();
  if (!client) return;
  const at = byId<HTMLInputElement>('log-at').value;
  button.disabled = true;
  try {
    const logged = await rpc.logEvent({
      client,
      kind: byId<HTMLSelectElement>('log-kind').value,
      reason: byId<HTMLSelectElement>('log-reason').value,
      ...(at ? { at } : {}),
      planned: byId<HTMLInputElement>('log-planned').checked,
      ...(byId<HTMLSelectElement>('log-manager').value
        ? { manager: byId<HTMLSelectElement>('log-manager').value }
        : {}),
      note: byId<HTMLTextAreaElement>('log-note').value,
      id: pendingId || (pendingId = `E${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`),
    });
    pendingId = '';
    (byId('log-form') as HTMLFormElement).reset();
    status(s(locale, 'logged', { kind: logged.kind, client: logged.client }), 'ok');
    await load(false);
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
  }
});

void load();
