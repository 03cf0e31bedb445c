// The lists beside the due tabs: birthdays this week (with "Plan a congratulation"), who has gone quiet, who showed
// interest without ordering, missed calls, and rows that could not be read. Each shows the server's first page and how
// many more there are (Page.total). Everything is rendered with textContent (lib/dom.ts element()).

import type { Locale } from '../../../core/i18n/locale';
import type { BirthdayView, Page, RemindersView } from '../../../shared/events-dto';
import { byId, element, phoneLink, replaceChildren } from '../../lib/dom';
import { ageText } from './age';
import { remindersText } from './strings';
import type { When } from './when';

export interface SideListContext {
  locale: Locale;
  when: When;
  today: string;
  cardButton(resourceName: string): HTMLElement | null;
  /** Plans the congratulation and patches the due lists; rejects (after saying why) when it failed. */
  congratulate(birthday: BirthdayView): Promise<void>;
}

type Key = Parameters<typeof remindersText>[1];

function list<T>(id: string, page: Page<T>, empty: Key, ctx: SideListContext, render: (item: T) => HTMLElement): void {
  const say = (key: Key, params?: object) => remindersText(ctx.locale, key, params);
  replaceChildren(
    byId(id),
    ...(page.items.length ? page.items.map(render) : [element('li', { class: 'empty' }, say(empty))]),
  );
  const more = page.total - page.items.length;
  byId(`${id}-more`).textContent = more > 0 ? say('moreItems', { count: more }) : '';
}

function birthdayItem(b: BirthdayView, ctx: SideListContext): HTMLElement {
  const say = (key: Key, params?: object) => remindersText(ctx.locale, key, params);
  const day = b.day === ctx.today ? `${say('today')}, ${ctx.when.day(b.day)}` : ctx.when.day(b.day);
  const planned = () => element('span', { class: 'planned', 'data-state': 'planned' }, say('congratulationPlanned'));
  let action: HTMLElement = planned();
  if (!b.planned) {
    const button = element(
      'button',
      { type: 'button', class: 'congratulate', 'data-action': 'congratulate' },
      say('congratulate'),
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      ctx.congratulate(b).then(
        () => button.replaceWith(planned()),
        () => {
          button.disabled = false;
        },
      );
    });
    action = button;
  }
  return element(
    'li',
    { 'data-client-id': b.resourceName, 'data-day': b.day },
    element('div', {}, element('span', { class: 'client' }, b.name), ' ', phoneLink(b.phone)),
    element(
      'div',
      { class: 'meta' },
      [day, b.age === null ? '' : ageText(ctx.locale, b.age)].filter(Boolean).join(' · '),
    ),
    element('div', { class: 'actions' }, action, ctx.cardButton(b.resourceName)),
  );
}

export function renderSideLists(view: RemindersView, ctx: SideListContext): void {
  const say = (key: Key, params?: object) => remindersText(ctx.locale, key, params);
  const when = ctx.when;
  list('birthdays', view.birthdays, 'nothingBirthdays', ctx, (b) => birthdayItem(b, ctx));
  list('quiet', view.quiet, 'nothingQuiet', ctx, (q) =>
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
        ctx.cardButton(q.resourceName),
      ),
      element(
        'div',
        { class: 'meta' },
        [q.labels.join(', '), q.days === null ? say('neverContacted') : say('quietDays', { days: q.days })]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
  );
  list('interested', view.interested, 'nothingInterested', ctx, (i) =>
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
        ctx.cardButton(i.clientId),
      ),
      element('div', { class: 'meta' }, [when.date(i.at), i.reason].filter(Boolean).join(' · ')),
    ),
  );
  list('missed', view.missedCalls, 'nothingMissed', ctx, (m) =>
    element(
      'li',
      { 'data-client-id': m.clientId },
      element(
        'div',
        {},
        element('span', { class: 'client' }, m.client),
        ' ',
        phoneLink(m.phone),
        ' ',
        ctx.cardButton(m.clientId),
      ),
      element(
        'div',
        { class: 'meta' },
        [when.dateTime(m.at), m.count > 1 ? `×${m.count}` : ''].filter(Boolean).join(' · '),
      ),
    ),
  );
  byId('problems-section').hidden = view.problems.length === 0;
  replaceChildren(
    byId('problems'),
    ...view.problems.map((p) =>
      element(
        'li',
        { 'data-row': String(p.row) },
        say('problemAt', { row: p.row, column: p.column, message: p.message }),
      ),
    ),
  );
}
