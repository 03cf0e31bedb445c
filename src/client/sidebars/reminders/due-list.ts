// One due tab drawn from its model (list-model.ts): a group per manager with how many it has, each event with its
// time, client, phone and last contact, and Done / Reschedule / Result / Cancel / Card; "More" pages a group on.
// Everything is rendered with textContent (lib/dom.ts element()).

import type { Locale } from '../../../core/i18n/locale';
import type { DueEventView, DueGroup, EventChange } from '../../../shared/events-dto';
import { element, phoneLink, replaceChildren } from '../../lib/dom';
import { hasMore, type TabKey, type TabModel } from './list-model';
import { remindersText } from './strings';
import type { When } from './when';

/** An action as the list asks for it: the event's id and row hints are added by the list. */
export type Change = { action: 'done'; result?: string } | { action: 'reschedule'; at: string } | { action: 'cancel' };

export interface DueListContext {
  locale(): Locale;
  when(): When;
  /** The value a datetime-local input shows for an instant, in the office's zone. */
  inputValue(iso: string): string;
  /** Sends the change and patches the lists with the answer; rejects (after saying why) when it failed. */
  change(change: EventChange): Promise<void>;
  more(tab: TabKey, manager: string): Promise<void>;
  cardButton(resourceName: string): HTMLElement | null;
}

/**
 * The rows drawn for each tab, by the event object the model holds: drawing a tab again after a patch reuses every
 * row the patch did not touch (the model keeps their objects), so an open editor, focus and scroll stay where they
 * were. A patched or paged-in event is a new object, hence a new row.
 */
const drawn: Record<TabKey, WeakMap<DueEventView, HTMLElement>> = {
  today: new WeakMap(),
  tomorrow: new WeakMap(),
  week: new WeakMap(),
};

export function renderTab(panel: HTMLElement, tab: TabModel, ctx: DueListContext): void {
  const say = (key: Parameters<typeof remindersText>[1], params?: object) => remindersText(ctx.locale(), key, params);
  const groups = tab.groups.filter((g) => g.events.length);
  if (!groups.length) {
    replaceChildren(panel, element('div', { class: 'empty' }, say('nothingDue')));
    return;
  }
  replaceChildren(panel, ...groups.map((g) => groupBlock(tab, g, ctx)));
}

function groupBlock(tab: TabModel, group: DueGroup, ctx: DueListContext): HTMLElement {
  const say = (key: Parameters<typeof remindersText>[1], params?: object) => remindersText(ctx.locale(), key, params);
  const shown = group.events.length;
  let more: HTMLElement | null = null;
  if (hasMore(group)) {
    const button = element(
      'button',
      { type: 'button', class: 'more', 'data-action': 'more' },
      say('more', { count: group.total - shown }),
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      ctx.more(tab.key, group.manager).catch(() => {
        button.disabled = false;
      });
    });
    more = button;
  }
  return element(
    'div',
    { class: 'group', 'data-manager': group.manager },
    element(
      'h3',
      {},
      element('span', { class: 'manager' }, group.manager || say('noManager')),
      ' ',
      element(
        'span',
        { class: 'total', 'data-total': String(group.total) },
        shown < group.total ? say('shownOf', { shown, total: group.total }) : String(group.total),
      ),
    ),
    ...group.events.map((e) => {
      let row = drawn[tab.key].get(e);
      if (!row) drawn[tab.key].set(e, (row = eventItem(tab, e, ctx)));
      return row;
    }),
    more,
  );
}

/** The time as this tab needs it: today's by the clock alone; overdue and later ones with their date. */
function whenText(tab: TabModel, event: DueEventView, when: When): string {
  const withDate = event.overdue || tab.key !== 'today';
  if (event.allDay) return withDate ? when.day(event.day) : '';
  return withDate ? when.dateTime(event.at) : when.time(event.at);
}

function eventItem(tab: TabModel, event: DueEventView, ctx: DueListContext): HTMLElement {
  const say = (key: Parameters<typeof remindersText>[1], params?: object) => remindersText(ctx.locale(), key, params);
  const when = ctx.when();
  const time = whenText(tab, event, when);
  const what = [event.kind, event.reason].filter(Boolean).join(' · ');
  const last = event.lastContact
    ? say('lastContact', {
        when: when.date(event.lastContact.at),
        what: [event.lastContact.kind, event.lastContact.reason].filter(Boolean).join(', '),
      })
    : say('neverContacted');
  const item = element(
    'div',
    {
      class: `event${event.overdue ? ' overdue' : ''}`,
      'data-event-id': event.id,
      'data-status': event.status,
      'data-day': event.day,
    },
    element(
      'div',
      { class: 'head' },
      time ? element('span', { class: 'time' }, time) : null,
      event.overdue ? element('span', { class: 'mark' }, say('overdueMark')) : null,
      element('span', { class: 'client' }, event.client),
      phoneLink(event.phone),
    ),
    what ? element('div', { class: 'what' }, what) : null,
    event.nextStep ? element('div', { class: 'what' }, event.nextStep) : null,
    element('div', { class: 'last' }, last),
  );
  const card = ctx.cardButton(event.clientId);
  // Rows typed by hand without an id cannot be found again safely: they are shown without buttons.
  if (!event.id) {
    if (card) item.appendChild(element('div', { class: 'actions' }, card));
    return item;
  }
  const send = (change: Change, button: HTMLButtonElement) => {
    const buttons = [...item.querySelectorAll('button')];
    for (const b of buttons) b.disabled = true;
    ctx.change({ ...change, id: event.id, hints: event.hints } as EventChange).catch(() => {
      for (const b of buttons) b.disabled = false;
      button.focus();
    });
  };
  const button = (action: string, label: string, onClick: (b: HTMLButtonElement) => void) => {
    const b = element('button', { type: 'button', 'data-action': action }, label);
    b.addEventListener('click', () => onClick(b));
    return b;
  };
  const actions = element(
    'div',
    { class: 'actions' },
    button('done', say('done'), (b) => send({ action: 'done' }, b)),
    button('reschedule', say('reschedule'), () => editor(item, 'reschedule', event, ctx, send)),
    button('result', say('result'), () => editor(item, 'result', event, ctx, send)),
    button('cancel', say('cancel'), () => confirmCancel(item, event, ctx, send)),
    card,
  );
  item.appendChild(actions);
  return item;
}

type Send = (change: Change, button: HTMLButtonElement) => void;

function editor(
  item: HTMLElement,
  kind: 'reschedule' | 'result',
  event: DueEventView,
  ctx: DueListContext,
  send: Send,
): void {
  const say = (key: Parameters<typeof remindersText>[1]) => remindersText(ctx.locale(), key);
  item.querySelector('.editor')?.remove();
  const input =
    kind === 'reschedule'
      ? element('input', { type: 'datetime-local', 'data-field': 'at', value: ctx.inputValue(event.at) })
      : element('input', {
          type: 'text',
          'data-field': 'result',
          maxlength: '2000',
          placeholder: say('resultPlaceholder'),
        });
  const save = element('button', { type: 'button', class: 'primary', 'data-action': `save-${kind}` }, say('save'));
  save.addEventListener('click', () => {
    const value = input.value.trim();
    if (!value) return;
    // A time without an offset is office time on the server (DueQuery.at, LogEventInput.at): what the picker shows.
    send(kind === 'reschedule' ? { action: 'reschedule', at: value } : { action: 'done', result: value }, save);
  });
  item.appendChild(element('div', { class: 'editor' }, input, save));
  input.focus();
}

/** Cancel asks first, in the row itself, naming what would be cancelled. */
function confirmCancel(item: HTMLElement, event: DueEventView, ctx: DueListContext, send: Send): void {
  const say = (key: Parameters<typeof remindersText>[1], params?: object) => remindersText(ctx.locale(), key, params);
  item.querySelector('.editor')?.remove();
  const when = ctx.when();
  const params = {
    kind: (event.kind || say('eventWord')).toLocaleLowerCase(ctx.locale()),
    client: event.client,
    when: event.allDay ? when.day(event.day) : when.dateTime(event.at),
  };
  const yes = element('button', { type: 'button', class: 'danger', 'data-action': 'confirm-cancel' }, say('yesCancel'));
  const no = element('button', { type: 'button', 'data-action': 'keep' }, say('keep'));
  const box = element(
    'div',
    { class: 'editor confirm', role: 'alertdialog' },
    element('div', { class: 'question' }, say(event.client ? 'confirmCancel' : 'confirmCancelNoClient', params)),
    element('div', { class: 'row' }, yes, no),
  );
  yes.addEventListener('click', () => send({ action: 'cancel' }, yes));
  no.addEventListener('click', () => box.remove());
  item.appendChild(box);
  no.focus();
}
