// The sandbox's "Google Contacts" view of the shared account: what Contacts shows for each person — the name,
// label names (not group ids), phone numbers formatted as Contacts formats them for the office's country, e-mails,
// birthday, notes, company and job title, addresses, and the custom fields, the CRM's responsible manager among
// them — read with the same core rules the CRM reads contacts with. Every value is text: the page escapes it.

import type { people_v1 } from '@googleapis/people';
import { dateText, firstVisitOf, MANAGER_KEYS, managerOf, notesOf } from '../../core/export/contact-view';
import { formatPhone } from '../../core/phone';
import { OfficeSettings, readSettingsSheet } from '../../core/settings/read';
import { sheetTitleMatches } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
import type { Workspace } from 'workspace-emulator';
import type { ContactsView, ContactView } from './web/types';

type Person = people_v1.Schema$Person;
type Group = people_v1.Schema$ContactGroup;

/** The office's default country, from the Settings sheet as the CRM reads it. */
export function officeCountry(ws: Workspace, spreadsheetId: string): string {
  const ss = ws.spreadsheets.get(spreadsheetId);
  const sheet = ss.sheets.find((s) => sheetTitleMatches(template('settings'), s.name));
  const settings = new OfficeSettings(readSettingsSheet((sheet?.values ?? []) as unknown[][]), () => 'ru');
  return settings.get('defaultCountry');
}

const isManagerKey = (key: string) => MANAGER_KEYS.some((k) => k.toLowerCase() === key.toLowerCase());

export function contactView(p: Person, groups: Map<string, Group>, country: string): ContactView {
  const labels = (p.memberships ?? [])
    .map((m) => groups.get(m.contactGroupMembership?.contactGroupResourceName ?? ''))
    .filter((g): g is Group => !!g && g.groupType === 'USER_CONTACT_GROUP')
    .map((g) => String(g.name ?? ''));
  const n = p.names?.[0];
  const org = p.organizations?.[0];
  const name =
    n?.displayName || [n?.givenName, n?.middleName, n?.familyName].filter(Boolean).join(' ') || org?.name || '';
  const firstVisit = dateText(firstVisitOf(p)?.date, 'ru');
  return {
    resourceName: String(p.resourceName ?? ''),
    name,
    phones: (p.phoneNumbers ?? []).map((x) => formatPhone(String(x.value ?? ''), country)).filter(Boolean),
    emails: (p.emailAddresses ?? []).map((x) => String(x.value ?? '')).filter(Boolean),
    company: org?.name ?? '',
    title: org?.title ?? '',
    labels,
    birthday: dateText(p.birthdays?.find((b) => b.date)?.date, 'ru'),
    notes: notesOf(p),
    manager: managerOf(p),
    addresses: (p.addresses ?? [])
      .map((a) =>
        String(a.formattedValue || [a.streetAddress, a.city, a.postalCode, a.country].filter(Boolean).join(', ')),
      )
      .filter(Boolean),
    fields: [
      ...(firstVisit ? [{ key: String(firstVisitOf(p)?.type ?? 'First visit'), value: firstVisit }] : []),
      ...(p.userDefined ?? [])
        .filter((u) => !isManagerKey(String(u.key ?? '')))
        .map((u) => ({ key: String(u.key ?? ''), value: String(u.value ?? '') })),
    ],
  };
}

export function contactsView(ws: Workspace, spreadsheetId: string): ContactsView {
  const groups = new Map(ws.people.allGroups().map((g) => [String(g.resourceName), g]));
  const country = officeCountry(ws, spreadsheetId);
  const contacts = ws.people.allContacts().map((p) => contactView(p, groups, country));
  contacts.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const counts = new Map<string, number>();
  for (const c of contacts) for (const l of c.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const labels = [...groups.values()]
    .filter((g) => g.groupType === 'USER_CONTACT_GROUP')
    .map((g) => ({ name: String(g.name), count: counts.get(String(g.name)) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return { contacts, labels };
}
