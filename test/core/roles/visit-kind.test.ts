import { visitKind } from '../../../src/core/roles/visit-kind';

test("a specialist's form offers the office's visit kind, else a meeting, else nothing", () => {
  expect(visitKind(['Звонок', 'Письмо', 'Визит'])).toBe('Визит');
  expect(visitKind(['Call', 'APPOINTMENT', 'Meeting'])).toBe('APPOINTMENT');
  expect(visitKind(['Звонок', 'Встреча'])).toBe('Встреча');
  expect(visitKind(['Звонок'])).toBeUndefined();
});
