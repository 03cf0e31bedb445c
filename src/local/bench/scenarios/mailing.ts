// `mailing.100`: an e-mail merge to a label of 100 clients on a 2,000-client office ({{givenName}} in the subject and
// the body, so the contacts' names are read), on a consumer account (100 recipients a day): everything goes out in the
// start's one execution. Reported: its calls by service, bytes, virtual time, and the least the design needs.
//
// The least the APIs allow for 100 messages (each message ONE recipient: MailApp counts recipients, and a merge is
// personal), with the messages claimed before they go (a crash must not send twice) and every one logged:
//   100 MailApp.sendEmail + 1 getRemainingDailyQuota;
//   1 values.batchGet (Settings, Lists, Staff, the store's head, every client's list line, the Events header, the queue);
//   1 People getBatchGet (≤ 200 names: the Card index keeps no given name);
//   1 batchUpdate writing the queue, the messages claimed;
//   after sending: 1 values.batchGet of the clients' index rows + 1 getLastRow (where appends land) + 1 batchUpdate
//     (the rows sent, the events, the index rows);
//   the CRM lines of the 100 clients: 1 People getBatchGet + 1 batchUpdateContacts
//   = 109. The design pays more on purpose: chunks of 20 (each its own locked section: waitLock + releaseLock, index
//   read, getLastRow, batchUpdate), so a crash leaves at most 20 messages 'uncertain' and other writers wait at most
//   one chunk; and the bookkeeping every server call has (who is acting, the properties, the add-on's cache push).

import { openOffice } from '../../office';
import type { MailingResult } from '../../../shared/mailing-dto';
import { measureRpc, Measurement } from '../measure';

const CLOCK = '2026-03-02T09:00:00+03:00';
const CLIENTS = 2000;
const EVERY = 20;
const LABEL = 'Рассылка';

export function mailingBenches(): Measurement[] {
  const office = openOffice({ clockStart: CLOCK });
  office.rpc.runSetup();
  const ws = office.workspace;
  const group = ws.people.insertGroup(LABEL, [], ws.clock.now()).resourceName;
  ws.people.seed(
    Array.from({ length: CLIENTS }, (_, i) => ({
      names: [{ familyName: `Клиент${i}`, givenName: `Имя${i}` }],
      emailAddresses: [{ value: `client${i}@example.ru` }],
      phoneNumbers: [{ value: `+7912${String(1000000 + i).slice(-7)}` }],
      userDefined: [{ key: 'Менеджер', value: i % 2 ? 'Анна' : 'Олег' }],
      ...(i % EVERY === 0 ? { memberships: [{ contactGroupMembership: { contactGroupResourceName: group } }] } : {}),
    })),
    ws.clock.now(),
  );
  const indexed = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (indexed.error) throw indexed.error;
  let result: MailingResult | undefined;
  const m = measureRpc(
    office,
    'an e-mail merge to a label of 100 clients (2,000-client office, consumer quota)',
    (rpc) => {
      result = rpc.startMailing({
        channel: 'email',
        recipients: { label: LABEL },
        subject: '{{givenName}}, весенняя акция',
        body: 'Здравствуйте, {{givenName}}!\n\nВаш менеджер {{manager}} ждёт вас.',
      });
    },
  );
  const sendEmail = m.byService['MailApp.sendEmail'] ?? 0;
  return [
    {
      ...m,
      id: 'mailing.100',
      minimum: 109,
      sent: result?.sent,
      queued: result?.queued,
      sendEmail,
      otherCalls: m.calls - sendEmail,
      mailsSent: ws.gmail.sent().length,
    },
  ];
}
