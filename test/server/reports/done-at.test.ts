// "Done at": marking a planned event done records when, in the Events sheet's own column, so the reports can tell a
// follow-up done on time from one done late. Reschedule forgets it, undo puts back what was there; an office whose
// Events sheet has no such column (set up before it existed, not yet repaired) keeps working without it.

import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { template } from '../../../src/core/sheets/templates';
import { DAY, eventRows, eventsOffice, logEvent } from '../events/office';

test('done records the instant; undo clears it; reschedule forgets it', () => {
  const { office, clients } = eventsOffice();
  const now = office.workspace.clock.now();
  const planned = logEvent(office, {
    client: clients.vip.email,
    kind: 'Звонок',
    reason: '',
    planned: true,
    at: new Date(now + DAY).toISOString(),
  });
  const row = () => eventRows(office).find((r) => r.id === planned.id)!;
  expect(row().doneAt).toBe('');
  const done = office.rpc.changeEvent({ id: planned.id, action: 'done', result: 'ok' });
  expect(done.event.doneAt).toBeDefined();
  // The cell keeps whole seconds.
  expect(Math.abs((row().doneAt as Date).getTime() - Date.parse(done.event.doneAt!))).toBeLessThan(1000);
  expect(Math.abs(Date.parse(done.event.doneAt!) - office.workspace.clock.now())).toBeLessThan(60_000);
  // Undo: planned again, the cell empty.
  office.rpc.undoChange(done.undo!);
  expect(row()).toMatchObject({ status: 'план', doneAt: '' });
  // Done again, then moved: a rescheduled follow-up is not done at all.
  office.rpc.changeEvent({ id: planned.id, action: 'done' });
  const moved = office.rpc.changeEvent({
    id: planned.id,
    action: 'reschedule',
    at: new Date(now + 2 * DAY).toISOString(),
  });
  expect(row().doneAt).toBe('');
  // Undoing the reschedule brings back the done event with its instant.
  office.rpc.undoChange(moved.undo!);
  expect(row().status).toBe('сделано');
  expect(row().doneAt).toBeInstanceOf(Date);
});

test('an Events sheet without the column: done still works, and nothing is written where the column would be', () => {
  const { office, clients } = eventsOffice();
  const ws = office.workspace;
  const sheet = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  })
    .openById(office.spreadsheetId)
    .getSheetByName(template('events').title.ru)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const column = header.indexOf('Когда сделано') + 1;
  expect(column).toBeGreaterThan(0);
  sheet.getRange(1, column).setValue('');
  const planned = logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: '', planned: true });
  const done = office.rpc.changeEvent({ id: planned.id, action: 'done' });
  expect(done.event.status).toBe('done');
  const row = eventRows(office).find((r) => r.id === planned.id)!;
  expect(sheet.getRange(row.row, column).getValue()).toBe('');
  // Setup repairs the sheet: the column comes back at the end.
  office.rpc.runSetup();
  const repaired = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  expect(repaired.filter((h) => h === 'Когда сделано')).toHaveLength(1);
});
