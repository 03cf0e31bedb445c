// Foundation operations: opening the spreadsheet, setup on an empty spreadsheet, the Settings sidebar's view, and the
// Gmail card for a known and an unknown sender.

import { messageEvent } from 'workspace-emulator';
import { openOffice } from '../../office';
import { Measurement, measureInvoke, measureRpc } from '../measure';

const CLOCK = '2026-03-02T09:00:00+03:00';

export function foundationBench(): Measurement[] {
  const office = openOffice({ clockStart: CLOCK });
  const out: Measurement[] = [];
  out.push(
    measureInvoke(office, 'sheet', 'onOpen: build the CRM menu', 'onOpen', [{ authMode: 'LIMITED' }], 'simple-trigger'),
  );
  out.push(measureRpc(office, 'setup: create every CRM sheet in an empty spreadsheet', (rpc) => rpc.runSetup()));
  out.push(measureRpc(office, 'setup again: nothing to repair', (rpc) => rpc.runSetup()));
  out.push(measureRpc(office, 'Settings sidebar: getSettingsView', (rpc) => rpc.getSettingsView()));

  const ws = office.workspace;
  const people = ws.globals({ project: 'sheet', htmlFiles: {}, ui: office.sheet.ui }).People as GoogleAppsScript.People;
  people.People!.createContact({
    names: [{ givenName: 'Иван', familyName: 'Иванов' }],
    emailAddresses: [{ value: 'ivanov@example.com' }],
  });
  const known = ws.gmail.addMessage({
    from: 'Иван Иванов <ivanov@example.com>',
    to: 'office@example.com',
    subject: 'Заказ',
    plainBody: '…',
    date: ws.clock.now(),
  });
  const unknown = ws.gmail.addMessage({
    from: 'Someone <someone@example.org>',
    to: 'office@example.com',
    subject: 'Hello',
    plainBody: '…',
    date: ws.clock.now(),
  });
  // The index the card reads is built by the daily routine; the first card after that fills the add-on's cache.
  out.push(measureInvoke(office, 'sheet', 'client index rebuild (trigger)', 'refreshIndexTrigger', [{}]));
  out.push(
    measureInvoke(
      office,
      'gmail',
      'Gmail card: known sender, first card (cache cold)',
      'onGmailMessage',
      [messageEvent(ws, known)],
      'card',
    ),
  );
  out.push(
    measureInvoke(office, 'gmail', 'Gmail card: known sender', 'onGmailMessage', [messageEvent(ws, known)], 'card'),
  );
  out.push(
    measureInvoke(office, 'gmail', 'Gmail card: unknown sender', 'onGmailMessage', [messageEvent(ws, unknown)], 'card'),
  );
  return out;
}
