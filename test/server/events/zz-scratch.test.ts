import { eventsOffice, logEvent, DAY } from './office';
const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
test('scratch', () => {
  const { office, clients } = eventsOffice();
  const now = office.workspace.clock.now();
  const ws = office.workspace;
  ws.calls.reset();
  const v = logEvent(office, { client: clients.vip.email, kind: 'Встреча', reason: 'Презентация', at: iso(now - 10 * DAY) });
  console.log('logged', v.id, ws.calls.byService());
  ws.calls.reset();
  const r = office.rpc.getReminders();
  console.log(JSON.stringify(r).slice(0, 1500), ws.calls.byService());
});
