// The morning's word about a failed backup: one short mail to the director(s) on the Staff sheet and the office
// account, sent with the morning digest, while the latest night failed (a verified night since ends it). Only
// the file name and reason are told, never a client.

import { backupText } from '../../core/backup/messages';
import { roleOfText } from '../../core/roles/roles';
import { redactForLog } from '../../core/redact';
import type { OfficeContext } from '../events/office';
import { readState } from './nightly';

/** The line for a failed last night, or undefined when the last backup is fine (or none ran yet). */
export function failedBackupLine(office: OfficeContext): { subject: string; line: string } | undefined {
  const s = readState();
  if (!s || s.phase !== 'done' || s.status !== 'failed') return undefined;
  const locale = office.locale;
  const more = s.problems.length > 1 ? backupText(locale, 'more', { count: s.problems.length - 1 }) : '';
  return {
    subject: backupText(locale, 'failedSubject', { night: s.night }),
    line: backupText(locale, 'failedLine', { night: s.night, problem: s.problems[0] ?? '', more }),
  };
}

/** Sends the line to the directors and the office account; returns how many were sent. */
export function sendBackupAlert(office: OfficeContext): number {
  const alert = failedBackupLine(office);
  if (!alert) return 0;
  const to = new Set<string>();
  for (const m of office.staff) if (m.email && roleOfText(m.role) === 'director') to.add(m.email);
  if (office.ownerEmail) to.add(office.ownerEmail.toLowerCase());
  if (!to.size) return 0;
  try {
    MailApp.sendEmail({ to: [...to].join(','), subject: alert.subject, body: alert.line, name: 'CRM' });
    return 1;
  } catch (e) {
    console.warn(`The backup alert was not sent: ${redactForLog(e)}`);
    return 0;
  }
}
