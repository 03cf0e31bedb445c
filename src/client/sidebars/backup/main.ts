// The Backup sidebar (CRM → Backup…): the kept nights and "Back up now" (nights.ts); the restore is added beside.

import { byId } from '../../lib/dom';
import { backUpNow, refreshNights, sidebarLocale } from './nights';
import { backupSidebarText } from './strings';
import { setUpRestore } from './restore';

const locale = sidebarLocale();
byId('backup-title').textContent = backupSidebarText(locale, 'title');
byId('backup-note').textContent = backupSidebarText(locale, 'note');
const now = byId<HTMLButtonElement>('backup-now');
now.textContent = backupSidebarText(locale, 'now');
now.addEventListener('click', () => void backUpNow(locale));
setUpRestore(locale);
void refreshNights(locale);
