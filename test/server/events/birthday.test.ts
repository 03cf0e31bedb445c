// "Plan a congratulation" from the Reminders' birthdays: a planned event of Settings' kind and reason on the client's
// next birthday at the office's hour, in the one read and one write of any planned event.

import { serverRpc } from '../../../src/local/gas/server-rpc';
import { eventsOffice, WRITE_LOCK_CALLS, CRM_LINE_CALLS } from './office';

test("a congratulation is planned on the client's birthday at 10:00 office time, and the list says it is planned", () => {
  const { office, clients } = eventsOffice();
  // The birthday typed on the phone (outside the CRM) reaches the Card index with its rebuild.
  const ws = office.workspace;
  ws.people.editByUser(
    clients.vip.resourceName,
    { birthdays: [{ date: { year: 1990, month: 3, day: 4 } }] },
    ws.clock.now(),
  );
  office.sheet.invoke('refreshIndexTrigger', [{}]);
  const [day] = office.rpc.getBirthdays({}).items;
  expect(day).toMatchObject({ resourceName: clients.vip.resourceName, day: '2026-03-04', age: 36, planned: false });
  let calls = 0;
  const rpc = serverRpc(office.sheet, { afterRun: (run) => (calls = run.report.serviceCalls) });
  const patch = rpc.planCongratulation({ client: day.resourceName, indexRow: day.hints.indexRow });
  expect(patch.event).toMatchObject({
    status: 'planned',
    reason: 'Поздравление',
    kind: 'Звонок',
    client: clients.vip.name,
  });
  expect(patch.event.at).toBe('2026-03-04T07:00:00.000Z');
  expect(patch.day).toBe('2026-03-04');
  expect(calls).toBeLessThanOrEqual(5 + WRITE_LOCK_CALLS + CRM_LINE_CALLS);
  expect(office.rpc.getBirthdays({}).items[0].planned).toBe(true);
  expect(() => office.rpc.planCongratulation({ client: clients.regular.resourceName })).toThrow(/нет дня рождения/);
});
