// The sheet project's web app, which makes the Gmail add-on's writes under the write lock (events/write-service.ts):
// only with the shared secret, only the writes it lists, on behalf of the add-on's user.

import { eventRows, eventsOffice } from './office';

function wired() {
  const { office, clients } = eventsOffice();
  const props = office.workspace.properties;
  const url = props.peek('gmail', 'script', 'crm.sheet.writeUrl')!;
  const secret = props.peek('sheet', 'script', 'crm.cardIndex.pushSecret')!;
  const post = (body: Record<string, unknown>) =>
    JSON.parse(office.workspace.webApp.post(url, JSON.stringify(body), 'application/json').text) as {
      ok: boolean;
      result?: { id: string; createdBy: string };
      rows?: Array<{ keys: string[] }>;
      error?: string;
    };
  return { office, clients, secret, post };
}

test('logs the event for the add-on’s user and hands back the Card index row it changed', () => {
  const { office, clients, secret, post } = wired();
  const input = { id: 'E-web', client: clients.vip.email, kind: 'Звонок', reason: 'Заказ' };
  const reply = post({ secret, actor: 'Nino@Example.com', write: 'logEvent', args: [input] });
  expect(reply).toMatchObject({ ok: true, result: { id: 'E-web', createdBy: 'nino@example.com' } });
  expect(reply.rows?.[0].keys).toContain(clients.vip.email);
  expect(eventRows(office).map((r) => r.id)).toEqual(['E-web']);
});

test('refuses, saying nothing and writing nothing, without the secret or for a write it does not make', () => {
  const { office, clients, secret, post } = wired();
  const input = { client: clients.vip.email, kind: 'Звонок', reason: 'Заказ' };
  expect(post({ secret: 'x'.repeat(48), write: 'logEvent', args: [input] })).toEqual({ ok: false });
  expect(post({ secret, write: 'rebuildClientIndex', args: [] })).toEqual({ ok: false });
  expect(post({ secret, write: 'toString', args: [] })).toEqual({ ok: false });
  expect(eventRows(office)).toEqual([]);
});

test('passes on the sheet project’s own refusal, in the office’s words', () => {
  const { secret, post } = wired();
  const reply = post({ secret, write: 'logEvent', args: [{ client: 'nobody at all', kind: 'Звонок', reason: '' }] });
  expect(reply.ok).toBe(false);
  expect(reply.error).toBeTruthy();
});
