// vCard 3.0 (RFC 2426): what Google Contacts, iPhone and Android all import. Text is escaped per the RFC and lines
// are folded at 75 octets without splitting a UTF-8 character.

import { utf8Bytes } from '../card-index/fit-entry';
import { dateText, ExportContact, firstVisitOf, managerOf, nameOf, notesOf } from './contact-view';

const NEEDS_ESCAPE = /[\\\n\r,;]/;

/** RFC 6350 §3.4 / RFC 2426 text escapes: backslash, line break, comma, semicolon. A CR (Windows line ends in a
 *  note) is a line break too: left raw it would end the content line in the middle of the value. */
export function escapeText(text: string | null | undefined): string {
  const s = String(text ?? '');
  if (!NEEDS_ESCAPE.test(s)) return s; // most values: a backup escapes 25,000 contacts' worth of them
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

function utf8Length(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** A content line folded at 75 octets (RFC 6350 §3.2), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (line.length <= 18 || utf8Bytes(line) <= 75) return line; // 18 characters are at most 72 octets
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const TEL_TYPES: Record<string, string> = {
  mobile: 'CELL',
  work: 'WORK',
  home: 'HOME',
  workFax: 'WORK,FAX',
  homeFax: 'HOME,FAX',
  pager: 'PAGER',
  other: 'VOICE',
};

export function vcard(contacts: ExportContact[]): string {
  const cards = contacts.map(({ person: p, labels }) => {
    const n = nameOf(p);
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${escapeText(n.display)}`,
      `N:${[n.family, n.given, n.middle, n.prefix, n.suffix].map(escapeText).join(';')}`,
    ];
    const org = p.organizations?.[0];
    if (org?.name || org?.department)
      lines.push(`ORG:${escapeText(org.name)}${org.department ? `;${escapeText(org.department)}` : ''}`);
    if (org?.title) lines.push(`TITLE:${escapeText(org.title)}`);
    for (const ph of p.phoneNumbers ?? [])
      lines.push(`TEL;TYPE=${TEL_TYPES[String(ph.type)] ?? 'VOICE'}:${escapeText(ph.canonicalForm ?? ph.value)}`);
    for (const e of p.emailAddresses ?? [])
      lines.push(`EMAIL;TYPE=INTERNET${e.type ? `,${String(e.type).toUpperCase()}` : ''}:${escapeText(e.value)}`);
    for (const a of p.addresses ?? []) {
      const parts = [
        a.poBox,
        a.extendedAddress,
        a.streetAddress ?? (a.city ? '' : a.formattedValue),
        a.city,
        a.region,
        a.postalCode,
        a.country,
      ];
      lines.push(`ADR${a.type ? `;TYPE=${String(a.type).toUpperCase()}` : ''}:${parts.map(escapeText).join(';')}`);
    }
    for (const u of p.urls ?? []) lines.push(`URL:${escapeText(u.value)}`);
    const bday = dateText(p.birthdays?.[0]?.date, 'iso');
    if (bday) lines.push(`BDAY:${bday}`);
    const visit = firstVisitOf(p);
    if (visit) lines.push(`X-FIRST-VISIT:${dateText(visit.date, 'iso')}`);
    const manager = managerOf(p);
    if (manager) lines.push(`X-MANAGER:${escapeText(manager)}`);
    const notes = notesOf(p);
    if (notes) lines.push(`NOTE:${escapeText(notes)}`);
    if (labels.length) lines.push(`CATEGORIES:${labels.map(escapeText).join(',')}`);
    lines.push('END:VCARD');
    return lines.map(foldLine).join('\r\n');
  });
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
