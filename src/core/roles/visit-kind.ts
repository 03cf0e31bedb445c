// The kind a specialist's log form offers first: a visit. Offices name it their own way in the Lists sheet, so the
// first kind that reads as a visit (any of our languages, headerKey-folded), else a meeting, else none.

import { MEETING_KINDS } from '../reports/kpi';
import { headerKey } from '../sheets/template';

const VISIT_WORDS = ['визит', 'visit', 'ვიზიტი', 'приём', 'прием', 'appointment', 'сеанс', 'процедура', 'запись'];

export function visitKind(kinds: string[]): string | undefined {
  const visits = new Set(VISIT_WORDS.map(headerKey));
  const meetings = new Set(MEETING_KINDS.map(headerKey));
  return kinds.find((k) => visits.has(headerKey(k))) ?? kinds.find((k) => meetings.has(headerKey(k)));
}
