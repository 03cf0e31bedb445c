// The sandbox's "Google Contacts": the shared account's contacts and labels, listed the way Contacts lists them.

import { element, getJson } from './dom';
import type { ContactsView } from './types';

const app = document.getElementById('app') as HTMLElement;
let current: string | null = null;

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
      element('tr', {}, ...['Name', 'E-mail', 'Phone number', 'Company', 'Labels'].map((h) => element('th', {}, h))),
    ),
    element(
      'tbody',
      {},
      ...shown.map((c) =>
        element(
          'tr',
          { 'data-resource': c.resourceName },
          element('td', { class: 'name' }, c.name),
          element('td', {}, c.emails.join(', ')),
          element('td', {}, c.phones.join(', ')),
          element('td', {}, c.company),
          element('td', {}, ...c.labels.map((l) => element('span', { class: 'chip' }, l))),
        ),
      ),
    ),
  );
  app.replaceChildren(
    nav,
    element('div', { class: 'contacts' }, element('h2', {}, `${current ?? 'Contacts'} (${shown.length})`), table),
  );
}

void render();
