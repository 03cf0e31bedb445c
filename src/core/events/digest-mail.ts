// The morning digest as plain text: a manager's overdue and today's follow-ups, each with the client, the phone to
// call, the kind and the reason. Pure; plain text needs no escaping.

import { namesMember, StaffMember } from './lists';
import type { DueItem } from './reminders';
import { formatLocal } from './zone';
import { Locale } from '../i18n/locale';
import { t } from '../i18n/messages';

export interface DigestItem extends DueItem {
  /** The client's phone as the Events row holds it ('' when none). */
  phone: string;
}

/** A manager's part of the due list: the items whose manager cell names them (by name or e-mail). */
export function digestItems(due: DueItem[], member: StaffMember): DigestItem[] {
  return due.filter((d) => namesMember(member, d.event.manager)).map((d) => ({ ...d, phone: d.event.phone }));
}

export interface DigestMail {
  subject: string;
  body: string;
}

export function digestMail(
  managerName: string,
  items: DigestItem[],
  options: { locale: Locale; timeZone: string; now: Date; url: string },
): DigestMail {
  const { locale, timeZone } = options;
  const day = formatLocal(options.now, timeZone).slice(0, 10);
  const line = (item: DigestItem) => {
    const e = item.event;
    const stamp = formatLocal(e.at, timeZone);
    // An overdue item shows its day; today's only the time (an all-day one shows the day: it has no time).
    const when = item.overdue || e.allDay ? (e.allDay ? stamp.slice(0, 10) : stamp) : stamp.slice(11);
    const who = [e.client || e.clientId, item.phone].filter((s) => s !== '').join(', ');
    const what = [e.kind, e.reason].filter((s) => s !== '').join(': ');
    return `• ${when} — ${[who, what].filter((s) => s !== '').join(' — ')}`;
  };
  const overdue = items.filter((i) => i.overdue);
  const today = items.filter((i) => !i.overdue);
  const lines = [t(locale, 'digestIntro', { name: managerName, count: items.length }), ''];
  if (overdue.length) lines.push(`${t(locale, 'digestOverdue')} (${overdue.length}):`, ...overdue.map(line), '');
  if (today.length) lines.push(`${t(locale, 'digestToday')} (${today.length}):`, ...today.map(line), '');
  if (options.url) lines.push(t(locale, 'digestFooter', { url: options.url }));
  return { subject: t(locale, 'digestSubject', { date: day }), body: lines.join('\n') };
}
