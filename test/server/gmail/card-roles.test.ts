// The Gmail card's actions follow the add-on user's role, through the built bundle: the office account (the shared
// account every phone uses) logs, plans and adds clients; a specialist logs and plans but does not add clients and is
// told who does; someone Google does not name (a consumer account) reads the card only. A stale card's action is
// refused with the same words.

import { appendRows } from '../card-index/support';
import { actionsOf, gmailOffice, GmailOffice, htmlTexts, openCard, runAction } from './support';

const SEVA = { email: 'seva@example.com' };
const GUEST = { email: 'guest@gmail.com' };
let o: GmailOffice;

beforeAll(() => {
  o = gmailOffice(300);
  appendRows(o.office, 'staff', [{ name: 'Сева', email: SEVA.email, role: 'Мастер', head: '', dailyDigest: false }]);
});

const as = <T>(user: { email: string } | undefined, fn: () => T): T =>
  user ? o.office.workspace.runAs(user, fn) : fn();

function cards(user?: { email: string }) {
  return as(user, () => ({
    known: openCard(o, o.messages.known).card,
    stranger: openCard(o, o.messages.stranger).card,
  }));
}

test('the office account gets every action', () => {
  const { known, stranger } = cards();
  expect(Object.keys(actionsOf(known))).toEqual(expect.arrayContaining(['gmailLogEmailForm', 'gmailPlanForm']));
  expect(Object.keys(actionsOf(stranger))).toContain('gmailAddClientForm');
});

test('a specialist logs and plans, but is not offered to add a client, and is told who does', () => {
  const { known, stranger } = cards(SEVA);
  expect(Object.keys(actionsOf(known))).toEqual(expect.arrayContaining(['gmailLogEmailForm', 'gmailPlanForm']));
  expect(Object.keys(actionsOf(stranger))).not.toContain('gmailAddClientForm');
  expect(htmlTexts(stranger).join('\n')).toMatch(/Добавлять клиентов могут менеджеры и администраторы/);
  // The form from a card drawn for the office (a stale card on the same phone) is refused in the same words.
  const stale = actionsOf(cards().stranger).gmailAddClientForm;
  const { response } = as(SEVA, () => runAction(o, o.messages.stranger, stale));
  expect(response.notification).toMatch(/Добавлять клиентов/);
});

test('someone Google does not name reads the card only: no log, plan or add; a stale form is refused', () => {
  const { known, stranger } = cards(GUEST);
  const offered = Object.keys(actionsOf(known));
  expect(offered).not.toContain('gmailLogEmailForm');
  expect(offered).not.toContain('gmailPlanForm');
  expect(htmlTexts(known).join('\n')).toMatch(/только для просмотра/);
  expect(Object.keys(actionsOf(stranger))).not.toContain('gmailAddClientForm');
  const stale = actionsOf(cards().known).gmailLogEmailForm;
  const { response } = as(GUEST, () => runAction(o, o.messages.known, stale));
  expect(response.notification).toMatch(/только для просмотра/);
});
