// The kept nights (status, counts, the Drive link, problems) and "Back up now". The restore part of the sidebar
// builds on `renderNights`'s rows (data-night on each).

import type { Locale } from '../../../core/i18n/locale';
import type { BackupNightView, BackupRunResult } from '../../../shared/backup-dto';
import { byId, element, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import { backupSidebarText } from './strings';

/** The office's language the server put on the page (sidebars.ts), else the browser's. */
export function sidebarLocale(): Locale {
  const lang = (document.body.dataset.locale || navigator.language || 'en').slice(0, 2).toLowerCase();
  return lang === 'ru' || lang === 'ka' ? lang : 'en';
}

export function renderNights(nights: BackupNightView[], locale: Locale): void {
  const say = (key: Parameters<typeof backupSidebarText>[1], params?: object) => backupSidebarText(locale, key, params);
  const statusWord = (s: BackupNightView['status']) =>
    s === 'verified' ? say('verified') : s === 'failed' ? say('failed') : say('runningStatus');
  if (!nights.length) {
    replaceChildren(byId('nights'), element('li', { class: 'muted' }, say('none')));
    return;
  }
  replaceChildren(
    byId('nights'),
    ...nights.map((n) =>
      element(
        'li',
        { 'data-night': n.night, class: `night ${n.status}` },
        element('strong', {}, n.night),
        ` — ${statusWord(n.status)}`,
        n.monthly ? ` (${say('monthly')})` : '',
        element('div', { class: 'muted' }, say('counts', n)),
        element('a', { href: n.url, target: '_blank', rel: 'noopener' }, say('open')),
        ...n.problems.slice(0, 3).map((p) => element('div', { class: 'error' }, p)),
      ),
    ),
  );
}

export async function refreshNights(locale: Locale): Promise<void> {
  try {
    renderNights(await rpc.listBackups(), locale);
  } catch (e) {
    showStatus(errorText(e), 'error');
  }
}

export async function backUpNow(locale: Locale): Promise<BackupRunResult | undefined> {
  const button = byId<HTMLButtonElement>('backup-now');
  button.disabled = true;
  showStatus(backupSidebarText(locale, 'running'));
  try {
    const r = await rpc.runBackupNow();
    const status =
      r.status === 'paused'
        ? ''
        : backupSidebarText(
            locale,
            r.status === 'verified' ? 'verified' : r.status === 'failed' ? 'failed' : 'runningStatus',
          );
    showStatus(
      r.status === 'paused'
        ? backupSidebarText(locale, 'paused', r)
        : backupSidebarText(locale, 'done', { night: r.night, status }),
      r.status === 'failed' ? 'error' : 'ok',
    );
    await refreshNights(locale);
    return r;
  } catch (e) {
    showStatus(errorText(e), 'error');
    return undefined;
  } finally {
    button.disabled = false;
  }
}
