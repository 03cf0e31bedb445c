// Outlook's CSV contact layout (the 61-column outlook.com export, ../shared/notes/crm-anchors.md §3) plus Outlook's
// `Categories` column, which carries our labels. Dates are written d.m.yyyy: the offices we serve run Russian or
// Georgian Windows, whose Outlook reads day-first dates.

import { csvDocument } from './cells';
import { dateText, ExportContact, nameOf, notesOf } from './contact-view';

export const OUTLOOK_HEADERS = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Title',
  'Suffix',
  'Nickname',
  'Given Yomi',
  'Surname Yomi',
  'E-mail Address',
  'E-mail 2 Address',
  'E-mail 3 Address',
  'Home Phone',
  'Home Phone 2',
  'Business Phone',
  'Business Phone 2',
  'Mobile Phone',
  'Car Phone',
  'Other Phone',
  'Primary Phone',
  'Pager',
  'Business Fax',
  'Home Fax',
  'Other Fax',
  'Company Main Phone',
  'Callback',
  'Radio Phone',
  'Telex',
  'TTY/TDD Phone',
  'IMAddress',
  'Job Title',
  'Department',
  'Company',
  'Office Location',
  "Manager's Name",
  "Assistant's Name",
  "Assistant's Phone",
  'Company Yomi',
  'Business Street',
  'Business City',
  'Business State',
  'Business Postal Code',
  'Business Country/Region',
  'Home Street',
  'Home City',
  'Home State',
  'Home Postal Code',
  'Home Country/Region',
  'Other Street',
  'Other City',
  'Other State',
  'Other Postal Code',
  'Other Country/Region',
  'Personal Web Page',
  'Spouse',
  'Schools',
  'Hobby',
  'Location',
  'Web Page',
  'Birthday',
  'Anniversary',
  'Notes',
  'Categories',
];

/** Which Outlook phone columns a People phone type fills, in order of preference. */
const PHONE_SLOTS: Record<string, string[]> = {
  mobile: ['Mobile Phone', 'Car Phone', 'Other Phone'],
  work: ['Business Phone', 'Business Phone 2', 'Company Main Phone', 'Other Phone'],
  home: ['Home Phone', 'Home Phone 2', 'Other Phone'],
  workFax: ['Business Fax', 'Other Fax'],
  homeFax: ['Home Fax', 'Other Fax'],
  pager: ['Pager', 'Other Phone'],
  other: ['Other Phone', 'Callback', 'Radio Phone'],
};
const ANY_PHONE = [
  'Mobile Phone',
  'Other Phone',
  'Business Phone',
  'Home Phone',
  'Business Phone 2',
  'Home Phone 2',
  'Car Phone',
  'Callback',
  'Radio Phone',
  'Primary Phone',
];

export function outlookCsv(contacts: ExportContact[]): string {
  const rows = contacts.map(({ person: p, labels }) => {
    const cell: Record<string, string> = {};
    const n = nameOf(p);
    Object.assign(cell, {
      'First Name': n.given,
      'Middle Name': n.middle,
      'Last Name': n.family,
      Title: n.prefix,
      Suffix: n.suffix,
    });
    cell.Nickname = p.nicknames?.[0]?.value ?? '';
    ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'].forEach(
      (col, i) => (cell[col] = p.emailAddresses?.[i]?.value ?? ''),
    );
    const overflow: string[] = [];
    for (const phone of p.phoneNumbers ?? []) {
      const slots = [...(PHONE_SLOTS[String(phone.type ?? 'other')] ?? PHONE_SLOTS.other), ...ANY_PHONE];
      const free = slots.find((s) => !cell[s]);
      if (free) cell[free] = phone.value ?? '';
      else overflow.push(phone.value ?? '');
    }
    const org = p.organizations?.[0];
    Object.assign(cell, { 'Job Title': org?.title ?? '', Department: org?.department ?? '', Company: org?.name ?? '' });
    for (const a of p.addresses ?? []) {
      const kind = a.type === 'work' ? 'Business' : a.type === 'home' ? 'Home' : 'Other';
      if (cell[`${kind} Street`] || cell[`${kind} City`]) continue;
      cell[`${kind} Street`] =
        [a.streetAddress, a.extendedAddress].filter(Boolean).join(', ') || (a.city ? '' : (a.formattedValue ?? ''));
      Object.assign(cell, {
        [`${kind} City`]: a.city ?? '',
        [`${kind} State`]: a.region ?? '',
        [`${kind} Postal Code`]: a.postalCode ?? '',
        [`${kind} Country/Region`]: a.country ?? '',
      });
    }
    cell['Web Page'] = p.urls?.[0]?.value ?? '';
    cell.Birthday = dateText(p.birthdays?.[0]?.date, 'ru');
    const anniversary = (p.events ?? []).find((e) => String(e.type).toLowerCase() === 'anniversary');
    cell.Anniversary = dateText(anniversary?.date, 'ru');
    cell.Notes = [notesOf(p), ...overflow].filter(Boolean).join('\n');
    cell.Categories = labels.join(';');
    return OUTLOOK_HEADERS.map((h) => cell[h] ?? '');
  });
  return csvDocument([OUTLOOK_HEADERS, ...rows]);
}
