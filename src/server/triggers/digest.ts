// The morning digest: each manager the office opted in (Staff → morning digest) gets their own due list — overdue
// and today — by e-mail, in the office's language. Managers with nothing due get no mail. One read of Settings, Staff
// and the open-events store (the same store the Reminders sidebar reads), one MailApp.sendEmail per manager; nothing
// about clients goes to the logs.

import { redactForLog } from '../../core/redact';
import { digestItems, digestMail, digestRecipients, dueList } from '../../core/events';
import { OfficeContext } from '../events/office';
import { readDay } from '../events/day-read';
import { sendBackupAlert } from '../backup/alert';

export interface DigestResult {
  /** Managers with the digest on and an e-mail. */
  managers: number;
  sent: number;
  failed: number;
  /** The mail about last night's failed backup to the director(s) and the office account (0 or 1). */
  backupAlerts?: number;
}

export function sendMorningDigest(now: Date = new Date()): DigestResult {
  const office = new OfficeContext();
  const read = readDay(office, { refs: ['settings', 'staff'], store: 'all' });
  const managers = digestRecipients(office.staff);
  const result: DigestResult = { managers: managers.length, sent: 0, failed: 0 };
  // A failed night is told the morning after, whoever else gets a digest.
  result.backupAlerts = sendBackupAlert(office);
  if (!managers.length) return result;
  const timeZone = office.timeZone;
  const due = dueList(read.store?.open ?? [], now, timeZone);
  const url = office.ss.getUrl();
  for (const manager of managers) {
    const mine = digestItems(due, manager);
    if (!mine.length) continue;
    const mail = digestMail(manager.name || manager.email, mine, { locale: office.locale, timeZone, now, url });
    try {
      MailApp.sendEmail({ to: manager.email, subject: mail.subject, body: mail.body, name: 'CRM' });
      result.sent++;
    } catch (e) {
      // One bad address or the day's mail quota must not stop the others; the reason, never the address, is logged.
      result.failed++;
      console.warn(`A morning digest was not sent: ${redactForLog(e)}`);
    }
  }
  return result;
}
