// Google Contacts' current CSV layout (../shared/notes/crm-anchors.md §3): fixed name/organisation columns, then as
// many numbered E-mail/Phone/Address/Website/Event/Custom Field blocks as the busiest contact needs. Several values in
// one cell are joined with ` ::: `, as Google does.

import { csvDocument } from './cells';
import { dateText, ExportContact, nameOf, notesOf } from './contact-view';

const FIXED = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Phonetic First Name',
  'Phonetic Middle Name',
  'Phonetic Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'File As',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Photo',
  'Labels',
];
const ADDRESS_PARTS = [
  'Formatted',
  'Street',
  'City',
  'PO Box',
  'Region',
  'Postal Code',
  'Country',
  'Extended Address',
] as const;

function label(type: string | null | undefined): string {
  return type ? type.charAt(0).toUpperCase() + type.slice(1) : '';
}

export function googleCsv(contacts: ExportContact[]): string {
  const max = (f: (c: ExportContact) => unknown[] | null | undefined) =>
    Math.max(1, ...contacts.map((c) => f(c)?.length ?? 0));
  const counts = {
    email: max((c) => c.person.emailAddresses),
    phone: max((c) => c.person.phoneNumbers),
    address: max((c) => c.person.addresses),
    website: max((c) => c.person.urls),
    event: max((c) => c.person.events),
    custom: max((c) => c.person.userDefined),
  };
  const header = [...FIXED];
  for (let i = 1; i <= counts.email; i++) header.push(`E-mail ${i} - Label`, `E-mail ${i} - Value`);
  for (let i = 1; i <= counts.phone; i++) header.push(`Phone ${i} - Label`, `Phone ${i} - Value`);
  for (let i = 1; i <= counts.address; i++)
    header.push(`Address ${i} - Label`, ...ADDRESS_PARTS.map((p) => `Address ${i} - ${p}`));
  for (let i = 1; i <= counts.website; i++) header.push(`Website ${i} - Label`, `Website ${i} - Value`);
  for (let i = 1; i <= counts.event; i++) header.push(`Event ${i} - Label`, `Event ${i} - Value`);
  for (let i = 1; i <= counts.custom; i++) header.push(`Custom Field ${i} - Label`, `Custom Field ${i} - Value`);

  const rows = contacts.map(({ person: p, labels }) => {
    const n = nameOf(p);
    const org = p.organizations?.[0];
    const row = [
      n.given,
      n.middle,
      n.family,
      '',
      '',
      '',
      n.prefix,
      n.suffix,
      p.nicknames?.[0]?.value ?? '',
      '',
      org?.name ?? '',
      org?.title ?? '',
      org?.department ?? '',
      dateText(p.birthdays?.[0]?.date, 'iso'),
      notesOf(p),
      '',
      ['* myContacts', ...labels].join(' ::: '),
    ];
    const pad = <T>(list: T[] | null | undefined, n: number, cells: (x: T | undefined) => string[]) => {
      for (let i = 0; i < n; i++) row.push(...cells(list?.[i]));
    };
    pad(p.emailAddresses, counts.email, (e) => [label(e?.type), e?.value ?? '']);
    pad(p.phoneNumbers, counts.phone, (ph) => [label(ph?.type), ph?.value ?? '']);
    pad(p.addresses, counts.address, (a) => [
      label(a?.type),
      a?.formattedValue ?? '',
      a?.streetAddress ?? '',
      a?.city ?? '',
      a?.poBox ?? '',
      a?.region ?? '',
      a?.postalCode ?? '',
      a?.country ?? '',
      a?.extendedAddress ?? '',
    ]);
    pad(p.urls, counts.website, (u) => [label(u?.type), u?.value ?? '']);
    pad(p.events, counts.event, (e) => [e?.type ?? '', dateText(e?.date, 'iso')]);
    pad(p.userDefined, counts.custom, (u) => [u?.key ?? '', u?.value ?? '']);
    return row;
  });
  return csvDocument([header, ...rows]);
}
