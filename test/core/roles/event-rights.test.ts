// Who may make whom responsible and who may change an event (core/roles/event-rights.ts), over a Staff sheet with a
// director, an administrator, a department head two levels above a manager, a specialist and a looping head column.

import type { StaffMember } from '../../../src/core/events/lists';
import { mayAssign, mayChange } from '../../../src/core/roles/event-rights';
import { identify } from '../../../src/core/roles/identity';

const OWNER = 'office@x.ru';
const staff: StaffMember[] = [
  { name: 'Директор', email: 'boss@x.ru', role: 'Директор', head: '', dailyDigest: true },
  { name: 'Админ', email: 'admin@x.ru', role: 'Администратор', head: 'boss@x.ru', dailyDigest: true },
  { name: 'Нина', email: 'nina@x.ru', role: 'Руководитель отдела', head: 'boss@x.ru', dailyDigest: true },
  { name: 'Ольга', email: 'olga@x.ru', role: 'Менеджер', head: 'nina@x.ru', dailyDigest: false },
  { name: 'Стажёр', email: 'intern@x.ru', role: 'Менеджер', head: 'olga@x.ru', dailyDigest: false },
  { name: 'Мастер Вера', email: 'vera@x.ru', role: 'Мастер', head: 'nina@x.ru', dailyDigest: false },
  { name: 'Анна', email: 'anna@x.ru', role: 'Менеджер', head: 'anna2@x.ru', dailyDigest: false },
  { name: 'Анна 2', email: 'anna2@x.ru', role: '', head: 'anna@x.ru', dailyDigest: false },
];
const as = (email: string, chosen?: string, list = staff) => identify(email, OWNER, list, chosen);

describe('making someone responsible', () => {
  test('the office account, the director and the administrator may name anyone', () => {
    for (const who of [as(OWNER), as('boss@x.ru'), as('admin@x.ru')])
      for (const target of ['Анна', 'Стажёр', 'Мастер Вера', 'Директор'])
        expect(mayAssign(who, staff, target)).toBe(true);
  });

  test('a head anyone below them at any depth; anyone themselves; never upwards or sideways', () => {
    expect(mayAssign(as('olga@x.ru'), staff, 'Ольга')).toBe(true);
    expect(mayAssign(as('OLGA@x.ru'), staff, 'olga@x.ru')).toBe(true);
    expect(mayAssign(as('nina@x.ru'), staff, 'Ольга')).toBe(true);
    expect(mayAssign(as('nina@x.ru'), staff, 'стажер')).toBe(true);
    expect(mayAssign(as('olga@x.ru'), staff, 'Нина')).toBe(false);
    expect(mayAssign(as('olga@x.ru'), staff, 'Анна')).toBe(false);
    expect(mayAssign(as('nina@x.ru'), staff, 'Анна')).toBe(false); // the head loop Анна ⇄ Анна 2 ends
  });

  test('a specialist only themselves; a stranger, a blank user no one — unless the Staff sheet is empty', () => {
    expect(mayAssign(as('vera@x.ru'), staff, 'Мастер Вера')).toBe(true);
    expect(mayAssign(as('vera@x.ru'), staff, 'Ольга')).toBe(false);
    expect(mayAssign(as('stranger@y.ru'), staff, 'Ольга')).toBe(false);
    expect(mayAssign(as(''), staff, 'Ольга')).toBe(false);
    expect(mayAssign(as('anyone@y.ru', undefined, []), [], 'Ольга')).toBe(true);
  });

  test('a shared-account browser that chose to be Ольга has Ольга’s rights; a named user’s choice is ignored', () => {
    expect(mayAssign(as(OWNER, 'olga@x.ru'), staff, 'Стажёр')).toBe(true);
    expect(mayAssign(as(OWNER, 'olga@x.ru'), staff, 'Анна')).toBe(false);
    expect(mayAssign(as('olga@x.ru', 'boss@x.ru'), staff, 'Анна')).toBe(false);
  });
});

describe('changing an event', () => {
  test('its manager and their heads; the office account, director, administrator; nobody else', () => {
    expect(mayChange(as('intern@x.ru'), staff, 'Стажёр')).toBe(true);
    expect(mayChange(as('olga@x.ru'), staff, 'Стажёр')).toBe(true);
    expect(mayChange(as('nina@x.ru'), staff, 'Стажёр')).toBe(true);
    expect(mayChange(as('admin@x.ru'), staff, 'Стажёр')).toBe(true);
    expect(mayChange(as(OWNER), staff, 'Стажёр')).toBe(true);
    expect(mayChange(as('anna@x.ru'), staff, 'Стажёр')).toBe(false);
    expect(mayChange(as('intern@x.ru'), staff, 'Ольга')).toBe(false);
    expect(mayChange(as('vera@x.ru'), staff, 'Стажёр')).toBe(false);
    expect(mayChange(as('stranger@y.ru'), staff, 'Стажёр')).toBe(false);
    expect(mayChange(as(''), staff, 'Стажёр')).toBe(false);
  });

  test('an unassigned event any staff member, but not a stranger or a blank user', () => {
    expect(mayChange(as('vera@x.ru'), staff, '')).toBe(true);
    expect(mayChange(as('stranger@y.ru'), staff, '')).toBe(false);
    expect(mayChange(as(''), staff, ' ')).toBe(false);
  });
});
