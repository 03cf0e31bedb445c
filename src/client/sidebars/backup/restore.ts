// The Backup sidebar's restore: a "Preview restore" button on each verified night (added to the rows nights.ts
// draws, whenever it draws them) → what would be created, brought back and left alone, with a few clients by name
// → "Restore", run again while the server answers paused (a big base takes several executions), → the result.
// Every text goes in through textContent (lib/dom.ts): a client's name is never parsed as HTML.

import type { Locale } from '../../../core/i18n/locale';
import type { RestoreResult } from '../../../shared/backup-dto';
import { byId, element, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import { restoreSidebarText } from './restore-strings';

/** Runs of a restore one click may take before it stops asking (each is an execution of up to ~5 minutes). */
const MAX_RUNS = 20;

type Key = Parameters<typeof restoreSidebarText>[1];

export function setUpRestore(locale: Locale): void {
  const say = (key: Key, params?: object) => restoreSidebarText(locale, key, params);
  const list = byId('nights');
  const panel = element('div', { id: 'restore-panel', class: 'panel' });
  list.after(panel);

  const addButtons = () => {
    for (const row of Array.from(list.querySelectorAll<HTMLElement>('li[data-night].verified'))) {
      if (row.querySelector('button.restore-preview')) continue;
      const night = row.dataset.night ?? '';
      row.appendChild(
        element(
          'div',
          { class: 'row' },
          element(
            'button',
            { type: 'button', class: 'restore-preview', onclick: () => void preview(night) },
            say('preview'),
          ),
        ),
      );
    }
  };
  new MutationObserver(addButtons).observe(list, { childList: true });
  addButtons();

  async function preview(night: string): Promise<void> {
    showStatus(say('previewing'));
    replaceChildren(panel);
    try {
      const r = await rpc.restoreBackup({ night, preview: true });
      showStatus('');
      renderPreview(r);
    } catch (e) {
      showStatus(errorText(e), 'error');
    }
  }

  function renderPreview(r: RestoreResult): void {
    const nothing = r.created + r.updated === 0 && r.eventsRestored + r.eventsRelinked === 0;
    replaceChildren(
      panel,
      element('h3', {}, say('heading', r)),
      element('p', {}, nothing ? say('nothing', r) : say('counts', r)),
      element('p', { class: 'muted' }, say('events', r)),
      r.labelsCreated.length
        ? element('p', { class: 'muted' }, say('labels', { labels: r.labelsCreated.join(', ') }))
        : null,
      element(
        'ul',
        { class: 'plain samples' },
        ...r.samples.map((s) =>
          element(
            'li',
            {},
            element('strong', {}, s.client),
            ` — ${say(s.action)}`,
            s.fields.length ? element('span', { class: 'muted' }, ` (${s.fields.join(', ')})`) : null,
          ),
        ),
      ),
      nothing
        ? null
        : element(
            'div',
            { class: 'row' },
            element(
              'button',
              { type: 'button', class: 'primary', id: 'restore-run', onclick: () => void run(r.night) },
              say('restore'),
            ),
            element('button', { type: 'button', onclick: () => replaceChildren(panel) }, say('cancel')),
          ),
    );
  }

  async function run(night: string): Promise<void> {
    const button = document.getElementById('restore-run') as HTMLButtonElement | null;
    if (button) button.disabled = true;
    showStatus(say('restoring'));
    try {
      const first = await rpc.restoreBackup({ night, preview: false });
      let last = first;
      for (let i = 1; last.paused && !last.problems.length && i < MAX_RUNS; i++)
        last = await rpc.restoreBackup({ night, preview: false });
      const counts = { ...last, created: first.created, updated: first.updated, unchanged: first.unchanged };
      replaceChildren(panel);
      if (last.paused) showStatus(say('paused', { problems: last.problems.join(' ') }), 'error');
      else showStatus(say('done', counts), 'ok');
    } catch (e) {
      showStatus(errorText(e), 'error');
      if (button) button.disabled = false;
    }
  }
}
