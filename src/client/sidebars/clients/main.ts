// The Client sidebar: find a client as you type (from the card index, through findClients), filter the list, open
// the client's card, change any field of it and save with the contact's etag (a change made elsewhere meanwhile is
// kept and shown, a clash is the user's choice), read the whole history (planned first, then newest first, a page at
// a time) and log or plan an event for this client. Everything is rendered with textContent (lib/dom.ts element()).

import { freshEventId } from '../../../core/events/ids';
import { formatLocalDate, formatLocalTime } from '../../../core/events/zone';
import { dateText, familyFirstName } from '../../../core/export/contact-view';
import type { Locale } from '../../../core/i18n/locale';
import type {
  ClientCard,
  ClientCardField,
  ClientSidebarSetup,
  ClientSummary,
  ClientView,
  FindClientsInput,
  SaveClientResult,
} from '../../../shared/clients-dto';
import type { EventView } from '../../../shared/events-dto';
import { byId, element, fillTexts, options, phoneLink, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { actingAs, loadAccess, renderWhoAmI } from '../../lib/access';
import type { AccessView } from '../../../shared/access-dto';
import { errorText, showStatus } from '../../lib/status';
import { CardForm, changesFrom, fieldLabel } from './card-form';
import { clientsText, ClientsTextKey } from './strings';
import { loadChanges, wireChanges, type ChangesContext } from './changes';
import { documentActions } from './documents';
import { allowOrders, closeForm as closeOrderForm, showMoney, wireMoney } from './money';

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 250;
/** Done and cancelled events per page of the history. */
const HISTORY_PAGE = 20;

let locale: Locale = 'en';
let setup: ClientSidebarSetup = { locale, timeZone: 'UTC', kinds: [], reasons: [], managers: [], labels: [] };

const say = (key: ClientsTextKey, params?: object) => clientsText(locale, key, params);
const fail = (e: unknown) => showStatus(say('error', { message: errorText(e) }), 'error');

const dateOf = (iso: string) => formatLocalDate(new Date(iso), setup.timeZone);
const whenOf = (iso: string, allDay = false) =>
  allDay ? dateOf(iso) : `${dateOf(iso)} ${formatLocalTime(new Date(iso), setup.timeZone)}`;

// ---------------------------------------------------------------------------------------------------- the search

let searchTimer: ReturnType<typeof setTimeout> | undefined;
/** Each search has a number; an answer that comes back after a newer search was sent is dropped. */
let searchSeq = 0;

function searchInput(): FindClientsInput {
  const label = byId<HTMLSelectElement>('filter-label').value;
  const manager = byId<HTMLSelectElement>('filter-manager').value;
  return {
    query: byId<HTMLInputElement>('search').value.trim(),
    ...(label ? { label } : {}),
    ...(manager ? { manager } : {}),
    ...(byId<HTMLInputElement>('filter-quiet').checked ? { quiet: true } : {}),
    ...(byId<HTMLInputElement>('filter-birthday').checked ? { birthdayThisWeek: true } : {}),
  };
}

/** A card birthday (`YYYY-MM-DD` or `--MM-DD`) as the office writes dates (day.month[.year]); '' for none. */
function birthdayText(birthday: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday);
  return m ? dateText({ year: m[1] === '-' ? null : Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, 'ru') : '';
}

function resultItem(c: ClientSummary, withBirthday: boolean): HTMLElement {
  const open = element('button', { type: 'button', class: 'pick', 'data-action': 'open' }, c.name);
  open.addEventListener('click', () => void openClient(c.resourceName));
  return element(
    'li',
    { 'data-client-id': c.resourceName },
    element('div', { class: 'head' }, open),
    c.phones.length
      ? element('div', { class: 'phones' }, ...c.phones.flatMap((p, i) => [i ? ', ' : null, phoneLink(p)]))
      : null,
    c.labels.length
      ? element('div', { class: 'chips' }, ...c.labels.map((l) => element('span', { class: 'chip' }, l)))
      : null,
    element(
      'div',
      { class: 'meta' },
      [
        c.lastContact ? say('lastContact', { when: dateOf(c.lastContact) }) : say('neverContacted'),
        c.manager,
        c.nextPlanned ? say('nextPlanned', { when: dateOf(c.nextPlanned) }) : '',
        withBirthday && birthdayText(c.birthday) ? say('birthdayOn', { date: birthdayText(c.birthday) }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

async function search(): Promise<void> {
  const seq = ++searchSeq;
  const input = searchInput();
  try {
    const found = await rpc.findClients({ ...input, ...actingAs() });
    if (seq !== searchSeq) return;
    byId('results-count').textContent = found.total
      ? found.total > found.clients.length
        ? say('foundSome', { shown: found.clients.length, total: found.total })
        : say('found', { total: found.total })
      : '';
    replaceChildren(
      byId('results'),
      ...(found.clients.length
        ? found.clients.map((c) => resultItem(c, !!input.birthdayThisWeek))
        : [element('li', { class: 'empty' }, say('nothingFound'))]),
    );
    // What the list answers (the browser test and assistive tools can tell a stale list from a fresh one).
    byId('results').setAttribute('data-query', input.query);
  } catch (e) {
    if (seq === searchSeq) fail(e);
  }
}

function searchSoon(): void {
  if (searchTimer !== undefined) clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    searchTimer = undefined;
    void search();
  }, SEARCH_DELAY_MS);
}

// ---------------------------------------------------------------------------------------------------- the client

interface Shown {
  resourceName: string;
  /** The card as last read from the server: what a save is told apart from, and its etag. */
  base: ClientCard;
  view: ClientView;
  /** Fields both changed, still waiting for the user's choice. */
  unresolved: Set<ClientCardField>;
}

let shown: Shown | undefined;
let form: CardForm | undefined;

function showSection(which: 'search' | 'client'): void {
  byId('search-section').hidden = which !== 'search';
  byId('client-section').hidden = which !== 'client';
}

function notice(text: string, kind: 'ok' | 'warn' = 'warn'): void {
  // What the notice speaks of is on the card: it opens.
  if (text) byId<HTMLDetailsElement>('card-details').open = true;
  const el = byId('card-notice');
  el.hidden = !text;
  el.className = `notice ${kind}`;
  el.textContent = text;
}

function header(card: ClientCard, view: ClientView): void {
  const name =
    familyFirstName({
      names: [{ familyName: card.familyName, givenName: card.givenName, middleName: card.middleName }],
      organizations: card.company ? [{ name: card.company }] : [],
    }) || view.client.name;
  byId('client-name').textContent = name;
  replaceChildren(
    byId('client-contacts'),
    ...card.phones.flatMap((p, i) => [i ? ', ' : null, phoneLink(p)]),
    card.phones.length && card.emails.length ? ' · ' : null,
    card.emails.join(', '),
    card.labels.length
      ? element('div', { class: 'chips' }, ...card.labels.map((l) => element('span', { class: 'chip' }, l)))
      : null,
  );
  byId('client-meta').textContent = [
    view.client.lastContact ? say('lastContact', { when: dateOf(view.client.lastContact) }) : say('neverContacted'),
    card.manager,
    view.client.nextPlanned ? say('nextPlanned', { when: whenOf(view.client.nextPlanned) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function eventItem(e: EventView, now: number): HTMLElement {
  const overdue = e.status === 'planned' && new Date(e.at).getTime() < now;
  return element(
    'li',
    {
      'data-event-id': e.id,
      'data-status': e.status,
      class: [overdue ? 'overdue' : '', e.status === 'cancelled' ? 'cancelled' : ''].filter(Boolean).join(' '),
    },
    element(
      'div',
      { class: 'head' },
      element('span', { class: 'time' }, whenOf(e.at, e.allDay)),
      element('span', { class: 'what' }, [e.kind, e.reason].filter(Boolean).join(' · ')),
      overdue ? element('span', { class: 'badge' }, say('overdue')) : null,
      e.status === 'cancelled' ? element('span', { class: 'badge' }, say('cancelled')) : null,
    ),
    e.result ? element('div', { class: 'meta' }, say('result', { text: e.result })) : null,
    e.nextStep ? element('div', { class: 'meta' }, say('nextStep', { text: e.nextStep })) : null,
    e.manager ? element('div', { class: 'meta' }, e.manager) : null,
    // An order's offer / invoice buttons and its document link (documents.ts); the e-mail sent shows after a reload.
    documentActions(e, locale, () => void reloadHistory()),
  );
}

function history(view: ClientView): void {
  const now = Date.now();
  replaceChildren(
    byId('planned'),
    ...(view.planned.length
      ? view.planned.map((e) => eventItem(e, now))
      : [element('li', { class: 'empty' }, say('nothingPlanned'))]),
  );
  replaceChildren(
    byId('events'),
    ...(view.events.length
      ? view.events.map((e) => eventItem(e, now))
      : [element('li', { class: 'empty' }, say('noHistory'))]),
  );
  byId('events-count').textContent = view.total
    ? say('historyCount', { shown: view.events.length, total: view.total })
    : '';
  const more = byId<HTMLButtonElement>('history-more');
  more.hidden = view.events.length >= view.total;
  more.disabled = false;
}

function cardOf(view: ClientView): ClientCard {
  const c = view.client;
  return {
    resourceName: c.resourceName,
    etag: c.etag,
    familyName: c.familyName,
    givenName: c.givenName,
    middleName: c.middleName,
    labels: c.labels,
    phones: c.phones,
    emails: c.emails,
    birthday: c.birthday,
    firstVisit: c.firstVisit,
    notes: c.notes,
    addresses: c.addresses,
    company: c.company,
    title: c.title,
    manager: c.manager,
  };
}

/** Shows a client as the server answered: the card, the header and the history. */
function showClient(view: ClientView): void {
  const base = cardOf(view);
  shown = { resourceName: base.resourceName, base, view, unresolved: new Set() };
  form = new CardForm(byId('card-fields'), { locale, managers: setup.managers, labels: setup.labels });
  form.render(base);
  byId<HTMLDetailsElement>('card-details').open = false;
  header(base, view);
  history(view);
  showMoney(view);
  showSection('client');
  document.body.setAttribute('data-client-id', base.resourceName);
  void loadChanges(base.resourceName, changesContext);
}

const changesContext: ChangesContext = {
  say: (key, params) => say(key, params),
  when: (iso) => whenOf(iso),
  reopen: (resourceName) => openClient(resourceName),
};

async function openClient(client: string): Promise<boolean> {
  showStatus(say('loading'));
  notice('');
  closeEventForm();
  closeOrderForm();
  try {
    showClient(await rpc.getClient({ client, offset: 0, limit: HISTORY_PAGE, ...actingAs() }));
    showStatus('');
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

/** The history read again (after logging), keeping as many events shown as before; the card's edits stay. */
async function reloadHistory(): Promise<void> {
  if (!shown) return;
  const limit = Math.max(HISTORY_PAGE, shown.view.events.length + 1);
  const view = await rpc.getClient({ client: shown.resourceName, offset: 0, limit, ...actingAs() });
  shown.view = view;
  header(shown.base, view);
  history(view);
  showMoney(view);
}

async function moreHistory(): Promise<void> {
  if (!shown) return;
  const more = byId<HTMLButtonElement>('history-more');
  more.disabled = true;
  try {
    const page = await rpc.getClient({
      ...actingAs(),
      client: shown.resourceName,
      offset: shown.view.events.length,
      limit: HISTORY_PAGE,
    });
    // Planned events come whole with every page; done ones are appended, skipping any already shown (an event
    // logged meanwhile moves the pages by one).
    const known = new Set(shown.view.events.map((e) => e.id));
    shown.view = {
      ...page,
      events: [...shown.view.events, ...page.events.filter((e) => !e.id || !known.has(e.id))],
    };
    history(shown.view);
  } catch (e) {
    fail(e);
    more.disabled = false;
  }
}

function conflictList(fields: ClientCardField[]): string {
  return fields.map((f) => fieldLabel(locale, f)).join(', ');
}

function afterSave(result: SaveClientResult): void {
  if (!shown || !form) return;
  const mine = form.read();
  const changed = changesFrom(mine, shown.base);
  shown.base = result.client;
  if (result.saved) {
    form.render(result.client);
    header(result.client, shown.view);
    notice(
      result.mergedFromElsewhere.length
        ? say('mergedFromElsewhere', { fields: conflictList(result.mergedFromElsewhere) })
        : '',
    );
    showStatus(say('saved'), 'ok');
    void loadChanges(result.client.resourceName, changesContext);
    return;
  }
  // Nothing was written: the card shows what is stored now, with the user's own edits on top, and each clash as two
  // choices. The next save is told apart from what is stored now (its etag).
  form.render({ ...result.client, ...changed });
  shown.unresolved = new Set(result.conflicts.map((c) => c.field));
  for (const c of result.conflicts) {
    form.showConflict(c.field, c.mine, c.theirs, () => {
      shown?.unresolved.delete(c.field);
      if (shown && !shown.unresolved.size) notice('');
    });
  }
  const merged = result.mergedFromElsewhere.length
    ? ` ${say('alsoElsewhere', { fields: conflictList(result.mergedFromElsewhere) })}`
    : '';
  notice(`${say('conflicts')} ${conflictList(result.conflicts.map((c) => c.field))}.${merged}`);
  showStatus('');
}

async function save(): Promise<void> {
  if (!shown || !form) return;
  if (shown.unresolved.size) {
    showStatus(say('pickEach', { fields: conflictList([...shown.unresolved]) }), 'error');
    return;
  }
  const changes = changesFrom(form.read(), shown.base);
  if (!Object.keys(changes).length) {
    showStatus(say('nothingToSave'));
    return;
  }
  const button = byId<HTMLButtonElement>('card-save');
  button.disabled = true;
  showStatus(say('saving'));
  try {
    afterSave(
      await rpc.saveClient({ resourceName: shown.resourceName, etag: shown.base.etag, base: shown.base, changes }),
    );
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------------- log / plan

let eventPlanned = false;
/** The id of the event being logged, kept until the server confirms: pressing Log again after a lost answer reuses it. */
let pendingId = '';

function openEventForm(planned: boolean): void {
  eventPlanned = planned;
  pendingId = '';
  const formEl = byId<HTMLFormElement>('event-form');
  formEl.reset();
  formEl.hidden = false;
  formEl.setAttribute('data-planned', String(planned));
  byId('event-at-label').textContent = say(planned ? 'whenPlanned' : 'when');
  byId<HTMLInputElement>('event-at').required = planned;
  byId('event-submit').textContent = say(planned ? 'plan' : 'log');
  byId<HTMLSelectElement>('event-kind').focus();
}

function closeEventForm(): void {
  byId<HTMLFormElement>('event-form').hidden = true;
  pendingId = '';
}

async function submitEvent(): Promise<void> {
  if (!shown) return;
  const at = byId<HTMLInputElement>('event-at').value;
  if (eventPlanned && !at) {
    showStatus(say('needWhen'), 'error');
    return;
  }
  const button = byId<HTMLButtonElement>('event-submit');
  button.disabled = true;
  try {
    const logged = await rpc.logEvent({
      client: shown.resourceName,
      kind: byId<HTMLSelectElement>('event-kind').value,
      reason: byId<HTMLSelectElement>('event-reason').value,
      ...(at ? { at } : {}),
      planned: eventPlanned,
      note: byId<HTMLTextAreaElement>('event-note').value,
      id: pendingId || (pendingId = freshEventId(Date.now(), Math.random)),
      ...actingAs(),
    });
    closeEventForm();
    showStatus(
      eventPlanned
        ? say('plannedDone', { kind: logged.kind, when: whenOf(logged.at, logged.allDay) })
        : say('logged', { kind: logged.kind, client: logged.client }),
      'ok',
    );
    await reloadHistory();
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------------- start

/** Element id → the words it shows. */
const TEXTS = {
  title: 'title',
  'search-label': 'search',
  'filter-quiet-label': 'quiet',
  'filter-birthday-label': 'birthdayThisWeek',
  back: 'back',
  'card-summary': 'editCard',
  'changes-summary': 'changes',
  'card-save': 'save',
  'card-reset': 'undoEdits',
  'log-event': 'logEvent',
  'plan-event': 'planEvent',
  'event-kind-label': 'kind',
  'event-reason-label': 'reason',
  'event-at-label': 'when',
  'event-note-label': 'note',
  'event-submit': 'log',
  'event-cancel': 'cancel',
  'planned-title': 'planned',
  'events-title': 'history',
  'history-more': 'more',
} as const;

function applySetup(s: ClientSidebarSetup): void {
  setup = s;
  locale = s.locale;
  document.documentElement.lang = locale;
  fillTexts(TEXTS, (key) => say(key));
  const labelFilter = byId<HTMLSelectElement>('filter-label');
  options(labelFilter, s.labels, { value: '', label: say('allLabels') });
  labelFilter.setAttribute('aria-label', say('filterLabel'));
  const managerFilter = byId<HTMLSelectElement>('filter-manager');
  options(managerFilter, s.managers, { value: '', label: say('allManagers') });
  managerFilter.setAttribute('aria-label', say('filterManager'));
  options(byId<HTMLSelectElement>('event-kind'), s.kinds);
  options(byId<HTMLSelectElement>('event-reason'), s.reasons, { value: '', label: '—' });
}

byId('search').addEventListener('input', searchSoon);
// Enter searches at once; when that finds one client, their card opens.
byId('search').addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  if (searchTimer !== undefined) clearTimeout(searchTimer);
  searchTimer = undefined;
  void search().then(() => {
    const found = [...byId('results').querySelectorAll('li[data-client-id]')];
    if (found.length === 1) void openClient(String(found[0].getAttribute('data-client-id')));
  });
});
for (const id of ['filter-label', 'filter-manager', 'filter-quiet', 'filter-birthday'])
  byId(id).addEventListener('change', () => void search());
byId('back').addEventListener('click', () => {
  closeEventForm();
  closeOrderForm();
  notice('');
  showStatus('');
  showSection('search');
  document.body.removeAttribute('data-client-id');
  // The list shows what the card now says.
  void search();
});
byId('card-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void save();
});
byId('card-reset').addEventListener('click', () => {
  if (!shown || !form) return;
  shown.unresolved.clear();
  form.render(shown.base);
  notice('');
  showStatus('');
});
byId('log-event').addEventListener('click', () => openEventForm(false));
byId('plan-event').addEventListener('click', () => openEventForm(true));
byId('event-cancel').addEventListener('click', closeEventForm);
// Changing what is being logged makes it another event, with a new id.
byId('event-form').addEventListener('input', () => {
  pendingId = '';
});
byId('event-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void submitEvent();
});
byId('history-more').addEventListener('click', () => void moreHistory());
wireChanges(changesContext);

/**
 * What the role changes here: the person's own clients first (the manager filter starts on them) and, when Settings
 * say only their own, fixed there; the card is saved only by a role that edits clients.
 */
function applyAccess(a: AccessView): void {
  renderWhoAmI(byId('who'), a, locale, (next) => {
    applyAccess(next);
    void search();
  });
  const managerFilter = byId<HTMLSelectElement>('filter-manager');
  const mine = a.role === 'manager' || a.role === 'specialist';
  if (a.me && mine && [...managerFilter.options].some((o) => o.value === a.me)) managerFilter.value = a.me;
  else if (!mine) managerFilter.value = '';
  managerFilter.disabled = a.onlyOwn && mine && !!a.me;
  const edit = a.capabilities.includes('editClients');
  byId('card-save').hidden = !edit;
  byId('card-reset').hidden = !edit;
  byId('card-details').setAttribute('data-readonly', String(!edit));
  // The journal is read and undone with the same right (the server checks it too).
  byId('changes-details').hidden = !edit;
  const log = a.capabilities.includes('logEvents');
  byId('log-event').hidden = !log;
  byId('plan-event').hidden = !log;
  allowOrders(log);
  document.body.setAttribute('data-role', a.role);
}

async function start(): Promise<void> {
  showStatus(say('loading'));
  try {
    const [first, access] = await Promise.all([rpc.getClientSidebarSetup(), loadAccess()]);
    applySetup(first);
    wireMoney({
      locale: () => locale,
      date: (iso) => dateOf(iso),
      client: () => shown?.resourceName ?? '',
      reload: () => reloadHistory(),
    });
    applyAccess(access);
  } catch (e) {
    fail(e);
    return;
  }
  const client = (byId('start').getAttribute('data-client') ?? '').trim();
  if (client && (await openClient(client))) {
    document.body.setAttribute('data-loaded', 'true');
    return;
  }
  if (client) {
    // Not one client (several, or no one): the search shows who it might be.
    byId<HTMLInputElement>('search').value = client;
    showStatus(say('notOneClient', { query: client }), 'error');
  } else showStatus('');
  await search();
  document.body.setAttribute('data-loaded', 'true');
}

void start();
