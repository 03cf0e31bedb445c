// The callback list: open items first (the number to dial, who it is, how many missed calls, the last one's time,
// for whom) each with "Called back" (closeCallback, by hand); the closed ones folded away below.

import type { CallbackItem, CallsView } from '../../../shared/pbx-dto';
import { byId, element, phoneLink, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import { say, when } from './context';

function item(c: CallbackItem, redraw: (view: CallsView) => void): HTMLLIElement {
  const open = c.state === 'open';
  const facts = [
    say('attempts', c),
    c.lastAt ? say('last', { at: when(c.lastAt) }) : '',
    c.manager ? say('manager', c) : '',
  ].filter(Boolean);
  const closed =
    c.closedBy === 'call'
      ? say('closedByCall', { at: when(c.closedAt) })
      : c.closedBy === 'hand'
        ? say('closedByHand', { at: when(c.closedAt) })
        : '';
  const li = element(
    'li',
    { class: `callback ${c.state}`, 'data-phone': c.phone },
    phoneLink(c.display || c.phone, c.phone),
    ' ',
    c.client
      ? element('strong', { class: 'client' }, c.client)
      : element('span', { class: 'muted' }, say('unknownNumber')),
    element('div', { class: 'muted' }, facts.join(' · ')),
    closed ? element('div', { class: 'muted' }, closed) : null,
  );
  if (open) {
    const button = element('button', { type: 'button', class: 'close-callback' }, say('calledBack'));
    button.addEventListener('click', () => {
      button.disabled = true;
      rpc.closeCallback({ phone: c.phone }).then(
        (view) => {
          redraw(view);
          showStatus(say('closedOne', { display: c.display || c.phone }), 'ok');
        },
        (e: unknown) => {
          button.disabled = false;
          showStatus(say('error', { message: errorText(e) }), 'error');
        },
      );
    });
    li.appendChild(element('div', { class: 'row' }, button));
  }
  return li;
}

export function renderCallbacks(items: CallbackItem[], redraw: (view: CallsView) => void): void {
  const open = items.filter((c) => c.state === 'open').sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  const closed = items.filter((c) => c.state !== 'open').sort((a, b) => b.closedAt.localeCompare(a.closedAt));
  replaceChildren(
    byId('callbacks-open'),
    ...(open.length ? open.map((c) => item(c, redraw)) : [element('li', { class: 'muted' }, say('noCallbacks'))]),
  );
  const box = byId<HTMLDetailsElement>('callbacks-closed-box');
  box.hidden = !closed.length;
  byId('callbacks-closed-title').textContent = say('closedCallbacks', { count: closed.length });
  replaceChildren(byId('callbacks-closed'), ...closed.map((c) => item(c, redraw)));
}
