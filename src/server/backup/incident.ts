// One mass-deletion incident: the contacts to bring back, a random secret, and the one e-mail to the director(s) and
// the office account with the one-click restore link — the sheet project's web app (manifest `webapp`: executes as
// the office account, open to anyone: the per-incident secret is the guard) with
// `?action=restore-deleted&incident=ID&key=SECRET`. Kept in script properties: `crm.incident.<id>` (JSON: night,
// secret, count, parts, restoredAt) and the resourceNames in parts `crm.incident.<id>.<n>` of ≤ 8,000 characters
// (a property value holds 9 KB). The link restores exactly those contacts from that night's backup; a second click
// finds restoredAt and changes nothing; a wrong key changes nothing and says only that the link is not valid.

import type { MassDeletion } from '../../core/backup/guard';
import { guardMail, guardPage } from '../../core/backup/guard-mail';
import type { BackupContact } from '../../core/backup/types';
import type { RestoreInput, RestoreResult } from '../../shared/backup-dto';
import { familyFirstName } from '../../core/export/contact-view';
import { roleOfText } from '../../core/roles/roles';
import { sameSecret } from '../../core/secret';
import { OfficeContext } from '../events/office';
import { uiLocale } from '../sheets/settings';

const PREFIX = 'crm.incident.';
const PART_CHARS = 8000;

export interface Incident {
  id: string;
  mailedTo: string[];
}

interface IncidentRecord {
  night: string;
  key: string;
  at: string;
  count: number;
  parts: number;
  restoredAt?: string;
}

function randomKey(): string {
  return (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, '');
}

/** The sheet project's web app URL with the incident's link parameters. */
function restoreLink(id: string, key: string): string {
  const url = ScriptApp.getService().getUrl() ?? '';
  return `${url}?action=restore-deleted&incident=${encodeURIComponent(id)}&key=${encodeURIComponent(key)}`;
}

export function openIncident(input: {
  verdict: MassDeletion;
  night: string;
  before: Map<string, BackupContact>;
  percent: number;
  office: OfficeContext;
}): Incident {
  const { verdict, night, before, office } = input;
  const now = new Date();
  const id = `inc-${now.toISOString().slice(0, 10)}-${Utilities.getUuid().slice(0, 8)}`;
  const key = randomKey();
  const names = verdict.affected.join('\n');
  const parts: string[] = [];
  for (let i = 0; i < names.length; i += PART_CHARS) parts.push(names.slice(i, i + PART_CHARS));
  const record: IncidentRecord = {
    night,
    key,
    at: now.toISOString(),
    count: verdict.affected.length,
    parts: parts.length,
  };
  const props: Record<string, string> = { [PREFIX + id]: JSON.stringify(record) };
  parts.forEach((p, i) => (props[`${PREFIX}${id}.${i}`] = p));
  const store = PropertiesService.getScriptProperties();
  forgetOldIncidents(store, now.getTime());
  store.setProperties(props);

  const to = recipients(office);
  const mail = guardMail({
    locale: office.locale,
    alert: verdict,
    percent: input.percent,
    night,
    link: restoreLink(id, key),
    names: verdict.affected
      .map((rn) => before.get(rn))
      .filter((c): c is BackupContact => !!c)
      .map((c) => familyFirstName(c.person) || String(c.person.emailAddresses?.[0]?.value ?? ''))
      .sort((a, b) => a.localeCompare(b)),
  });
  if (to.length) MailApp.sendEmail({ to: to.join(','), subject: mail.subject, body: mail.body, name: 'CRM' });
  return { id, mailedTo: to };
}

/** Incidents older than this are forgotten (their link then says it is not valid): script properties hold 500 KB
 *  in all, and a backup that old is likely pruned anyway. */
const KEEP_INCIDENT_MS = 30 * 86_400_000;

/** When an incident was opened (0 when its record cannot be read: it is forgotten). */
function recordedAt(raw: string): number {
  try {
    return Date.parse((JSON.parse(raw) as IncidentRecord).at) || 0;
  } catch {
    return 0;
  }
}

function forgetOldIncidents(store: GoogleAppsScript.Properties.Properties, now: number): void {
  const all = store.getProperties();
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(PREFIX) || /\.\d+$/.test(key)) continue;
    if (now - recordedAt(raw) <= KEEP_INCIDENT_MS) continue;
    for (const k of Object.keys(all)) if (k === key || k.startsWith(`${key}.`)) store.deleteProperty(k);
  }
}

/** The Staff sheet's directors and the office account (the spreadsheet's owner), each once. */
function recipients(office: OfficeContext): string[] {
  const out = new Set<string>();
  for (const m of office.staff) if (m.email && roleOfText(m.role) === 'director') out.add(m.email);
  if (office.ownerEmail) out.add(office.ownerEmail);
  return [...out];
}

function readIncident(id: string): { record: IncidentRecord; contacts: string[] } | undefined {
  const all = PropertiesService.getScriptProperties().getProperties();
  const raw = all[PREFIX + id];
  if (!raw) return undefined;
  const record = JSON.parse(raw) as IncidentRecord;
  let text = '';
  for (let i = 0; i < record.parts; i++) text += all[`${PREFIX}${id}.${i}`] ?? '';
  return { record, contacts: text ? text.split('\n') : [] };
}

/** Web app GET ?action=restore-deleted: the incident's contacts restored once, answered as a page. */
export function restoreDeletedPage(
  parameter: Record<string, string | undefined>,
  restore: (input: RestoreInput) => RestoreResult,
  office = new OfficeContext(),
): GoogleAppsScript.HTML.HtmlOutput {
  const id = String(parameter.incident ?? '');
  const found = /^inc-[\w-]{1,40}$/.test(id) ? readIncident(id) : undefined;
  // Compared even when there is no such incident, in the same time, so a caller learns nothing from the answer.
  const ok = sameSecret(parameter.key, found?.record.key ?? 'x'.repeat(64));
  // The key is checked before anything else is read: a wrong one is answered in the account's language, and the
  // office's sheets are not opened for a stranger.
  const locale = found && ok ? office.locale : uiLocale();
  const page = (key: Parameters<typeof guardPage>[1], params: object = {}) =>
    HtmlService.createHtmlOutput(guardPage(locale, key, params)).setTitle('CRM');
  if (!found || !ok) return page('refused');
  const { record, contacts } = found;
  if (record.restoredAt) return page('already', { at: record.restoredAt.slice(0, 16).replace('T', ' ') });
  let result: RestoreResult;
  try {
    result = restore({ night: record.night, preview: false, only: contacts });
  } catch (e) {
    return page('failed', { message: e instanceof Error ? e.message : String(e) });
  }
  if (result.paused) return page('paused');
  record.restoredAt = new Date().toISOString();
  PropertiesService.getScriptProperties().setProperty(PREFIX + id, JSON.stringify(record));
  return page('restored', {
    night: record.night,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    events: result.eventsRelinked,
  });
}
