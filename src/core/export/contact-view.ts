// Reads the parts of a People API Person that exports need, in one place, so every format agrees on what a name,
// a birthday or the responsible manager is.

import type { CalendarDate, Person } from '../import/types';

export interface ExportContact {
  person: Person;
  /** Label names (system groups such as myContacts excluded). */
  labels: string[];
}

export function dateText(
  date: { year?: number | null; month?: number | null; day?: number | null } | undefined | null,
  style: 'iso' | 'ru',
): string {
  if (!date?.month || !date.day) return '';
  const mm = String(date.month).padStart(2, '0');
  const dd = String(date.day).padStart(2, '0');
  if (style === 'ru') return date.year ? `${dd}.${mm}.${date.year}` : `${dd}.${mm}`;
  return date.year ? `${String(date.year).padStart(4, '0')}-${mm}-${dd}` : `--${mm}-${dd}`;
}

export function asCalendarDate(
  d: { year?: number | null; month?: number | null; day?: number | null } | undefined | null,
): CalendarDate | undefined {
  return d?.month && d.day ? { year: d.year ?? undefined, month: d.month, day: d.day } : undefined;
}

export function nameOf(p: Person) {
  const n = p.names?.[0] ?? {};
  return {
    given: n.givenName ?? '',
    middle: n.middleName ?? '',
    family: n.familyName ?? '',
    prefix: n.honorificPrefix ?? '',
    suffix: n.honorificSuffix ?? '',
    display:
      n.displayName ??
      ([n.familyName, n.givenName, n.middleName].filter(Boolean).join(' ') || p.organizations?.[0]?.name || ''),
  };
}

/**
 * The name as an office in the region writes it in lists: family, given, middle ("Иванов Иван Иванович"); a
 * company-only contact goes by its company.
 */
export function familyFirstName(p: Person): string {
  const n = p.names?.[0];
  const composed = [n?.familyName, n?.givenName, n?.middleName].filter(Boolean).join(' ');
  return (composed || n?.displayName || p.organizations?.[0]?.name || '').trim();
}

/** Our convention for the first visit: an `events[]` entry whose type says so, in any of our languages. */
export const FIRST_VISIT_TYPES = ['First visit', 'Первый визит', 'პირველი ვიზიტი'];
/** Our convention for the responsible manager: a custom field (`userDefined`) with one of these keys. */
export const MANAGER_KEYS = ['Manager', 'Менеджер', 'მენეჯერი'];

export function firstVisitOf(p: Person) {
  return (p.events ?? []).find((e) =>
    FIRST_VISIT_TYPES.some((t) => t.toLowerCase() === String(e.type ?? e.formattedType ?? '').toLowerCase()),
  );
}

export function managerOf(p: Person): string {
  return (
    (p.userDefined ?? []).find((u) => MANAGER_KEYS.some((k) => k.toLowerCase() === String(u.key ?? '').toLowerCase()))
      ?.value ?? ''
  );
}

export function notesOf(p: Person): string {
  return p.biographies?.[0]?.value ?? '';
}
