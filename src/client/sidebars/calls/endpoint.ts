// Where each PBX is pointed (settingsEdit only): the URL to paste into Mango's and Zadarma's settings and the secret
// in it, each with a copy button; whether Mango's key and salt are set (never their values); what waits in the Inbox.

import type { PbxProvider, PbxSetupView } from '../../../shared/pbx-dto';
import { byId, element, replaceChildren } from '../../lib/dom';
import { showStatus } from '../../lib/status';
import { say, when } from './context';

const PROVIDERS: Record<PbxProvider, string> = { mango: 'Mango Office', zadarma: 'Zadarma' };

async function copy(input: HTMLInputElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    // A sidebar's frame may be refused the clipboard API: the selected text is copied the old way.
    input.select();
    document.execCommand('copy');
  }
  showStatus(say('copied'), 'ok');
}

function copyRow(id: string, caption: string, value: string): HTMLElement {
  const input = element('input', { type: 'text', id, readonly: true, 'aria-label': caption });
  input.value = value;
  const button = element('button', { type: 'button', class: 'copy', 'data-copy': id }, say('copy'));
  button.addEventListener('click', () => void copy(input));
  return element(
    'div',
    {},
    element('label', { for: id }, caption),
    element('div', { class: 'copy-row' }, input, button),
  );
}

export function renderEndpoint(view: PbxSetupView): void {
  byId('endpoint-section').hidden = false;
  const state = (set: boolean) => (set ? say('set') : say('notSet'));
  replaceChildren(
    byId('endpoint'),
    view.webAppUrl ? null : element('p', { class: 'error', id: 'not-deployed' }, say('notDeployed')),
    ...(Object.keys(PROVIDERS) as PbxProvider[])
      .filter((p) => view.urls[p])
      .map((p) => copyRow(`url-${p}`, say('urlFor', { provider: PROVIDERS[p] }), view.urls[p])),
    view.secret ? copyRow('pbx-secret', say('secret'), view.secret) : null,
    element(
      'div',
      { id: 'mango-key', class: view.mangoKeySet ? 'ok' : 'muted' },
      say('mangoKey', { state: state(view.mangoKeySet) }),
    ),
    element(
      'div',
      { id: 'mango-salt', class: view.mangoSaltSet ? 'ok' : 'muted' },
      say('mangoSalt', { state: state(view.mangoSaltSet) }),
    ),
    element(
      'div',
      { id: 'inbox-waiting' },
      say('inbox', { count: view.inboxWaiting }),
      ' · ',
      view.lastProcessedAt ? say('lastProcessed', { at: when(view.lastProcessedAt) }) : say('neverProcessed'),
    ),
  );
}
