// New callers: numbers no client has, each with its calls, the last one's time, the line and the staff member it
// reached, a name field (blank: the number stands in for it) and a label, and ONE button "Add as client" (addCaller).
// Once added it says so, with a link that opens the new client in the Client sidebar.

import type { AddCallerResult, CallsView, NewCallerItem } from '../../../shared/pbx-dto';
import { byId, element, options, phoneLink, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import { say, when } from './context';

/** The clients made from a number in this sidebar, by phone: the view knows the contact, not its name. */
const addedHere = new Map<string, AddCallerResult>();
let labels: string[] = [];

export function setLabels(values: string[]): void {
  labels = values;
}

function openLink(clientId: string): HTMLElement {
  return element(
    'a',
    {
      href: '#',
      class: 'open-client',
      click: (e: Event) => {
        e.preventDefault();
        rpc
          .openClientSidebar(clientId)
          .catch((err: unknown) => showStatus(say('error', { message: errorText(err) }), 'error'));
      },
    },
    say('openClient'),
  );
}

function addedLine(c: NewCallerItem): HTMLElement {
  const result = addedHere.get(c.phone);
  const client = result?.client || c.display || c.phone;
  const clientId = result?.clientId || c.clientId;
  return element(
    'div',
    { class: 'added ok' },
    say('added', { client }),
    clientId ? ' · ' : '',
    clientId ? openLink(clientId) : null,
  );
}

function form(c: NewCallerItem, redraw: (view: CallsView) => void): HTMLElement {
  const id = `caller-${c.phone.replace(/\D/g, '')}`;
  const name = element('input', {
    type: 'text',
    class: 'caller-name',
    id: `${id}-name`,
    placeholder: c.display || c.phone,
    'aria-label': say('name'),
  });
  const label = element('select', { class: 'caller-label', id: `${id}-label`, 'aria-label': say('label') });
  options(label, labels, { value: '', label: say('noLabel') });
  const button = element('button', { type: 'button', class: 'add-caller primary' }, say('addClient'));
  const box = element('div', { class: 'caller-form' }, name, label, button);
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = say('adding');
    const typed = name.value.trim();
    rpc
      .addCaller({ phone: c.phone, ...(typed ? { name: typed } : {}), ...(label.value ? { label: label.value } : {}) })
      .then(
        (result) => {
          addedHere.set(c.phone, result);
          redraw(result.calls);
          showStatus(say('addedStatus', result), 'ok');
        },
        (e: unknown) => {
          button.disabled = false;
          button.textContent = say('addClient');
          showStatus(say('error', { message: errorText(e) }), 'error');
        },
      );
  });
  return box;
}

function item(c: NewCallerItem, redraw: (view: CallsView) => void): HTMLLIElement {
  const facts = [
    say('calls', c),
    c.lastAt ? say('last', { at: when(c.lastAt) }) : '',
    c.line ? say('line', c) : '',
    c.manager ? say('manager', c) : '',
  ].filter(Boolean);
  return element(
    'li',
    { class: `caller ${c.state}`, 'data-phone': c.phone },
    phoneLink(c.display || c.phone, c.phone),
    element('div', { class: 'muted' }, facts.join(' · ')),
    c.state === 'new' ? form(c, redraw) : addedLine(c),
  );
}

export function renderCallers(items: NewCallerItem[], redraw: (view: CallsView) => void): void {
  // New ones first (latest call first), then those added in this sidebar or before; ignored ones are not shown.
  const shown = items
    .filter((c) => c.state === 'new' || c.state === 'added')
    .sort((a, b) => (a.state === b.state ? b.lastAt.localeCompare(a.lastAt) : a.state === 'new' ? -1 : 1));
  replaceChildren(
    byId('callers'),
    ...(shown.length ? shown.map((c) => item(c, redraw)) : [element('li', { class: 'muted' }, say('noCallers'))]),
  );
}
