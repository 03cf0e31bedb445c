// The sandbox's "Google Contacts": the shared account's contacts and labels, listed the way Contacts lists them; a
// click on a name opens the contact as Contacts shows it (every field the CRM reads or writes). All text goes in
// through textContent (dom.ts element), so whatever a contact holds is shown, never interpreted.

import { element, getJson } from './dom';
import type { ContactsView, ContactView } from './types';

const app = document.getElementById('app') as HTMLElement;
let current: string | null = null;
let opened: string | null = null;

function field(key: string, label: string, ...values: Array<Node | string>): HTMLElement[] {
  if (!values.length || values.every((v) => v === '')) return [];
  return [element('dt', {}, label), element('dd', { 'data-field': key }, ...values)];
}

const lines = (items: string[]) => items.map((i) => element('div', {}, i));

/** One contact, the way Contacts' contact page lays it out. */
function contactCard(c: ContactView): HTMLElement {
  const work = [c.title, c.company].filter(Boolean).join(', ');
  return element(
    'section',
    { class: 'contact-card', 'data-resource': c.resourceName },
    element(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close', click: () => ((opened = null), void render()) },
      '×',
    ),
    element('h2', {}, c.name),
    element('div', { class: 'chips' }, ...c.labels.map((l) => element('span', { class: 'chip' }, l))),
    element(
      'dl',
      {},
      ...field('phones', 'Phone', ...lines(c.phones)),
      ...field('emails', 'E-mail', ...lines(c.emails)),
      ...field('company', 'Company', c.company),
      ...field('title', 'Job title', c.title),
      ...field('work', 'Work', work),
      ...field('birthday', 'Birthday', c.birthday),
      ...field('addresses', 'Address', ...lines(c.addresses)),
      ...field('manager', 'Manager', c.manager),
      ...c.fields.flatMap((f) => field(`custom:${f.key}`, f.key, f.value)),
      ...field('notes', 'Notes', c.notes),
    ),
  );
}

async function render(): Promise<void> {
  const view = await getJson<ContactsView>('/api/contacts');
  const shown = current ? view.contacts.filter((c) => c.labels.includes(current as string)) : view.contacts;
  const nav = element(
    'div',
    { class: 'labels-nav' },
    element(
      'button',
      { type: 'button', class: current === null ? 'active' : '', click: () => ((current = null), void render()) },
      element('span', {}, 'Contacts'),
      element('span', {}, String(view.contacts.length)),
    ),
    element('h3', {}, 'Labels'),
    ...view.labels.map((l) =>
      element(
        'button',
        {
          type: 'button',
          'data-label': l.name,
          class: current === l.name ? 'active' : '',
          click: () => ((current = l.name), void render()),
        },
        element('span', {}, l.name),
        element('span', {}, String(l.count)),
      ),
    ),
  );
  const table = element(
    'table',
    { class: 'contacts-table' },
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        ...['Name', 'E-mail', 'Phone number', 'Company', 'Manager', 'Labels'].map((h) => element('th', {}, h)),
      ),
    ),
    element(
      'tbody',
      {},
      ...shown.map((c) =>
        element(
          'tr',
          { 'data-resource': c.resourceName },
          element(
            'td',
            { class: 'name' },
            element(
              'button',
              { type: 'button', class: 'open', click: () => ((opened = c.resourceName), void render()) },
              c.name,
            ),
          ),
          element('td', {}, c.emails.join(', ')),
          element('td', {}, c.phones.join(', ')),
          element('td', {}, [c.company, c.title].filter(Boolean).join(' · ')),
          element('td', {}, c.manager),
          element('td', {}, ...c.labels.map((l) => element('span', { class: 'chip' }, l))),
        ),
      ),
    ),
  );
  const open = opened ? view.contacts.find((c) => c.resourceName === opened) : undefined;
  app.replaceChildren(
    nav,
    element('div', { class: 'contacts' }, element('h2', {}, `${current ?? 'Contacts'} (${shown.length})`), table),
    ...(open ? [contactCard(open)] : []),
  );
}

void render();
