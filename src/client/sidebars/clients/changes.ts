// The client card's "Changes": what the CRM changed on this contact (the change journal, newest first: when, who,
// from where, each field before → after) with "Undo this change" on each one not undone yet. A refused undo (the
// client was changed again since) says why beside the change; nothing is overwritten. Rendered with textContent.

import type { ChangeSource } from '../../../core/backup/types';
import type { ChangeView } from '../../../shared/backup-dto';
import { byId, element, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import type { ClientsTextKey } from './strings';

const SOURCE_WORD: Record<ChangeSource, ClientsTextKey> = {
  import: 'sourceImport',
  undo: 'sourceUndo',
  edit: 'sourceEdit',
  add: 'sourceAdd',
  restore: 'sourceRestore',
  revert: 'sourceRevert',
  outside: 'sourceOutside',
};

export interface ChangesContext {
  say: (key: ClientsTextKey, params?: object) => string;
  when: (iso: string) => string;
  /** After an undo: the card and history read again. */
  reopen: (resourceName: string) => Promise<unknown>;
}

let current = '';

function item(c: ChangeView, ctx: ChangesContext): HTMLElement {
  const why = element('div', { class: 'notice error', role: 'alert', hidden: '' });
  const undo = c.reverted
    ? null
    : element('button', { type: 'button', class: 'link', 'data-action': 'revert' }, ctx.say('undoThis'));
  undo?.addEventListener('click', () => void revert(c, undo as HTMLButtonElement, why, ctx));
  return element(
    'li',
    { 'data-change-id': c.id, class: c.reverted ? 'cancelled' : '' },
    element(
      'div',
      { class: 'head' },
      element('span', { class: 'time' }, ctx.when(c.at)),
      element(
        'span',
        { class: 'what' },
        [c.actor, ctx.say(SOURCE_WORD[c.source] ?? 'sourceOutside')].filter(Boolean).join(' · '),
      ),
      c.reverted ? element('span', { class: 'badge' }, ctx.say('reverted')) : null,
    ),
    element('div', { class: 'meta summary' }, c.summary),
    undo ? element('div', { class: 'row' }, undo) : null,
    why,
  );
}

async function revert(c: ChangeView, button: HTMLButtonElement, why: HTMLElement, ctx: ChangesContext): Promise<void> {
  button.disabled = true;
  showStatus(ctx.say('undoing'));
  try {
    const result = await rpc.revertChange(c.id);
    if (!result.ok) {
      why.hidden = false;
      why.textContent = result.message ?? '';
      showStatus('');
      return;
    }
    // The card read again (a deleted client brought back is another contact: the card opens on it), then the word.
    await ctx.reopen(result.change?.resourceName || c.resourceName);
    showStatus(ctx.say('undone'), 'ok');
  } catch (e) {
    showStatus(ctx.say('error', { message: errorText(e) }), 'error');
  } finally {
    button.disabled = false;
  }
}

/** Reads and shows the client's changes (only while the section is open: a closed one costs nothing). */
export async function loadChanges(resourceName: string, ctx: ChangesContext): Promise<void> {
  current = resourceName;
  const details = byId<HTMLDetailsElement>('changes-details');
  if (!details.open || details.hidden) return;
  const list = byId('changes');
  try {
    const changes = await rpc.getChanges({ query: resourceName, limit: 50 });
    if (current !== resourceName) return;
    replaceChildren(
      list,
      ...(changes.length
        ? changes.map((c) => item(c, ctx))
        : [element('li', { class: 'empty' }, ctx.say('noChanges'))]),
    );
    document.body.setAttribute('data-changes-loaded', resourceName);
  } catch (e) {
    showStatus(ctx.say('error', { message: errorText(e) }), 'error');
  }
}

/** Opening the section loads the shown client's changes. */
export function wireChanges(ctx: ChangesContext): void {
  const details = byId<HTMLDetailsElement>('changes-details');
  details.addEventListener('toggle', () => {
    if (details.open && current) void loadChanges(current, ctx);
  });
}
