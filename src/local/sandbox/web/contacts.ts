// The sandbox's "Google Contacts": the shared account's contacts and labels, listed the way Contacts lists them.

import { el, getJson } from './dom';
import type { ContactsView } from './types';

const app = document.getElementById('app') as HTMLElement;
let current: string | null = null;

async function render(): Promise<void> {
  const view = await getJson<ContactsView>('/api/contacts');
  const shown = current ? view.contacts.filter((c) => c.labels.includes(current as string)) : view.contacts;
  const nav = el(
    'div',
    { class: 'labels-nav' },
    el(
      'button',
      { type: 'button', class: current === null ? 'active' : '', click: () => ((current = null), void render()) },
      el('span', {}, 'Contacts'),
      el('span', {}, String(view.contacts.length)),
    ),
    el('h3', {}, 'Labels'),
    ...view.labels.map((l) =>
      el(
        'button',
        {
          type: 'button',
          'data-label': l.name,
          class: current === l.name ? 'active' : '',
          click: () => ((current = l.name), void render()),
        },
        el('span', {}, l.name),
        el('span', {}, String(l.count)),
      ),
    ),
  );
  const table = el(
    'table',
    { class: 'contacts-table' },
    el(
      'thead',
      {},
      el('tr', {}, ...['Name', 'E-mail', 'Phone number', 'Company', 'Labels'].map((h) => el('th', {}, h))),
    ),
    el(
      'tbody',
      {},
      ...shown.map((c) =>
        el(
          'tr',
          { 'data-resource': c.resourceName },
          el('td', { class: 'name' }, c.name),
          el('td', {}, c.emails.join(', ')),
          el('td', {}, c.phones.join(', ')),
          el('td', {}, c.company),
          el('td', {}, ...c.labels.map((l) => el('span', { class: 'chip' }, l))),
        ),
      ),
    ),
  );
  app.replaceChildren(
    nav,
    el('div', { class: 'contacts' }, el('h2', {}, `${current ?? 'Contacts'} (${shown.length})`), table),
  );
}

void render();
