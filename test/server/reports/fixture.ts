// A small office's first days of March 2026 (Moscow; the clock is Monday 2 March, 09:00), counted by hand in the
// reports tests: three managers (one typed as "=cmd", which must stay text), three clients, the Lists funnel with its
// second stage renamed ("Презентация" → "Демонстрация", the old word kept in "Former names").

import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { template } from '../../../src/core/sheets/templates';
import type { Office } from '../../../src/local/office';
import { call } from '../../support/office';
import { eventsOffice, writeRows } from '../events/office';

export const DMITRY = 'Дмитрий Ковалёв';
export const NINO = 'Нино Беридзе';

export function reportsOffice(): Office {
  const { office, clients } = eventsOffice();
  const c = (key: 'vip' | 'regular' | 'sleepy') => ({ client: clients[key].name, clientId: clients[key].resourceName });
  const row = (
    id: string,
    date: string,
    kind: string,
    reason: string,
    who: ReturnType<typeof c>,
    manager: string,
    status: string,
  ) => ({
    id,
    date,
    kind,
    reason,
    ...who,
    manager,
    status,
  });
  writeRows(office, 'events', [
    row('E1', '01.03.2026 10:00', 'Звонок', 'Интерес', c('vip'), DMITRY, 'сделано'),
    // Logged under the stage's old name: still the second stage.
    row('E2', '01.03.2026 15:00', 'Встреча', 'Презентация', c('vip'), DMITRY, 'сделано'),
    row('E3', '02.03.2026 08:00', 'Звонок', 'Интерес', c('regular'), NINO, 'сделано'),
    row('E4', '01.03.2026 18:30', 'Звонок', 'Заказ', c('vip'), NINO, 'сделано'),
    // February: sleepy is no new client in March.
    row('E5', '20.02.2026 10:00', 'Звонок', 'Интерес', c('sleepy'), DMITRY, 'сделано'),
    // Planned for yesterday, not done: overdue.
    row('E6', '01.03.2026 12:00', 'Звонок', '', c('sleepy'), DMITRY, 'план'),
    // Planned for today: marked done below, at 09:00 the same day — on time.
    row('E7', '02.03.2026 12:00', 'Звонок', '', c('regular'), NINO, 'план'),
    // Later this week: still to do.
    row('E8', '05.03.2026 10:00', 'Звонок', '', c('regular'), NINO, 'план'),
    // A manager whose name would be a formula if written as typed (the apostrophe keeps it text in Events).
    row('E9', '01.03.2026 11:00', 'Звонок', 'Интерес', c('regular'), "'=cmd", 'сделано'),
  ]);
  renameStage(office, 'Презентация', 'Демонстрация');
  // Rows written by a script: the store and the index follow with the rebuild (the 4-hourly trigger).
  call(office.sheet, 'refreshIndexTrigger', {});
  office.rpc.changeEvent({ id: 'E7', action: 'done', result: 'ok' });
  office.workspace.calls.reset();
  return office;
}

/** The office renames a funnel stage in Lists and keeps the old word in "Former names". */
export function renameStage(office: Office, from: string, to: string): void {
  const ws = office.workspace;
  const ss = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
  const lists = ss.getSheetByName(template('lists').title.ru)!;
  const values = lists.getDataRange().getValues();
  const header = values[0].map(String);
  const reason = header.indexOf('Поводы');
  const former = header.findIndex((h) => /Прежние|прежн/i.test(h));
  const at = values.findIndex((r) => r[reason] === from);
  lists.getRange(at + 1, reason + 1).setValue(to);
  lists.getRange(at + 1, former + 1).setValue(from);
}
