// The reference sheets the event log leans on — Lists, Labels, Staff (Settings: core/settings) — read from
// getValues() arrays, wherever the office moved their columns (who may give an event to whom: core/roles).

import { template } from '../sheets/templates';
import { StatusNames } from './status';
import { cellText, findTable, isBlankRow, sameText } from './table';

export interface ReferenceLists {
  kinds: string[];
  reasons: string[];
  /** The office's status words, by the column's row order: planned, done, cancelled. */
  statuses: Partial<StatusNames>;
}

function column(values: unknown[][], key: 'lists' | 'labels' | 'staff') {
  const table = findTable(values, template(key));
  const rows = table ? values.slice(table.headerIndex + 1).filter((r) => !isBlankRow(r)) : [];
  return { table, rows, text: (row: unknown[], col: string) => (table ? cellText(row, table.columns[col] ?? -1) : '') };
}

export function parseLists(values: unknown[][]): ReferenceLists {
  const { rows, text } = column(values, 'lists');
  const list = (col: string) => rows.map((r) => text(r, col)).filter((v) => v !== '');
  const [planned, done, cancelled] = list('statuses');
  const statuses: Partial<StatusNames> = {};
  if (planned) statuses.planned = [planned];
  if (done) statuses.done = [done];
  if (cancelled) statuses.cancelled = [cancelled];
  return { kinds: list('kinds'), reasons: list('reasons'), statuses };
}

/**
 * A funnel stage as the office marks it in the Lists sheet: a number in the "funnel stage" column beside a reason
 * gives that reason's place in the funnel (1 = first). A rename keeps history counting: the office writes the
 * reason's old words in "former names" (separated by ';', ',' or new lines) and events logged under them still match
 * the row. Rows sharing one number are one stage (two words for the same step); its name is the first row's reason.
 */
export interface FunnelStage {
  order: number;
  name: string;
  /** The reason and its former names, every word an event's reason may be written in. */
  names: string[];
}

export function parseFunnelStages(values: unknown[][]): FunnelStage[] {
  const { rows, text } = column(values, 'lists');
  const byOrder = new Map<number, FunnelStage>();
  for (const r of rows) {
    const reason = text(r, 'reasons');
    const order = Number(text(r, 'funnelStage').replace(',', '.'));
    if (reason === '' || !Number.isInteger(order) || order < 1) continue;
    const former = text(r, 'formerNames')
      .split(/[;,\n]/)
      .map((w) => w.trim())
      .filter((w) => w !== '');
    const stage = byOrder.get(order) ?? { order, name: reason, names: [] };
    stage.names.push(reason, ...former);
    byOrder.set(order, stage);
  }
  return [...byOrder.values()].sort((a, b) => a.order - b.order);
}

export interface LabelPeriod {
  label: string;
  /** Days without an event after which the client is "gone quiet"; null when the cell is empty or not a number. */
  quietDays: number | null;
}

export function parseLabels(values: unknown[][]): LabelPeriod[] {
  const { rows, text } = column(values, 'labels');
  return rows
    .map((r) => {
      const raw = text(r, 'quietDays').replace(',', '.');
      const n = Number(raw);
      return { label: text(r, 'label'), quietDays: raw !== '' && isFinite(n) && n > 0 ? Math.round(n) : null };
    })
    .filter((l) => l.label !== '');
}

/** label → days, for quietClients (which compares label names without case). */
export function quietDaysByLabel(labels: LabelPeriod[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of labels) if (l.quietDays !== null) out[l.label] = l.quietDays;
  return out;
}

export interface StaffMember {
  name: string;
  /** Lower-case. */
  email: string;
  role: string;
  /** The head's e-mail, lower-case ('' for none). */
  head: string;
  dailyDigest: boolean;
}

const TRUE_WORDS = ['true', 'yes', 'y', '1', 'да', 'д', '+', 'x', '✓', 'კი', 'დიახ'];

export function parseStaff(values: unknown[][]): StaffMember[] {
  const { table, rows, text } = column(values, 'staff');
  return rows
    .map((r) => {
      const digestCell = table ? r[table.columns.dailyDigest] : undefined;
      return {
        name: text(r, 'name'),
        email: text(r, 'email').toLowerCase(),
        role: text(r, 'role'),
        head: text(r, 'head').toLowerCase(),
        dailyDigest:
          digestCell === true ||
          TRUE_WORDS.includes(
            String(digestCell ?? '')
              .trim()
              .toLowerCase(),
          ),
      };
    })
    .filter((s) => s.name !== '' || s.email !== '');
}

/** Whether the Events sheet's manager text names this member: by name as people type it, or by their e-mail. */
export function namesMember(member: StaffMember, managerText: string): boolean {
  return (
    sameText(member.name, managerText) || (member.email !== '' && member.email === managerText.trim().toLowerCase())
  );
}

/** The Staff row an Events manager cell names, if any. */
export function staffMemberNamed(staff: StaffMember[], managerText: string): StaffMember | undefined {
  return staff.find((s) => namesMember(s, managerText));
}

/** Who gets the morning digest: the members the office opted in who have an address to send it to. */
export function digestRecipients(staff: StaffMember[]): StaffMember[] {
  return staff.filter((s) => s.dailyDigest && s.email !== '');
}

/**
 * The Lists sheet's "Unsubscribed" column: e-mails (lower-cased) and phone numbers (as E.164, read with the office's
 * default country) that never get a mailing, whoever's card holds them. A cell may hold several, split as phone cells
 * are (`;`, `,`, new lines).
 */
export function parseUnsubscribed(values: unknown[][], toE164: (text: string) => string | undefined): Set<string> {
  const { rows, text } = column(values, 'lists');
  const out = new Set<string>();
  for (const r of rows)
    for (const part of text(r, 'unsubscribed').split(/[;,\n]/)) {
      const word = part.trim();
      if (!word) continue;
      if (word.includes('@')) out.add(word.toLowerCase());
      else {
        const phone = toE164(word);
        if (phone) out.add(phone);
      }
    }
  return out;
}
