// The kinds that mean "a call we missed", in each of our languages: the callback list and the index's count of missed
// calls since the last real contact both ask this one question.

import { headerKey } from '../sheets/template';

export const MISSED_CALL_KINDS = ['Пропущенный звонок', 'Missed call', 'გამოტოვებული ზარი'];

export function isMissedCallKind(kind: string, kinds: string[] = MISSED_CALL_KINDS): boolean {
  const key = headerKey(kind);
  return key !== '' && kinds.some((k) => headerKey(k) === key);
}
