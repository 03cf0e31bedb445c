import { identify, may } from '../../../src/core/roles/identity';
import { isKnownRole, roleOfText } from '../../../src/core/roles/roles';
import type { StaffMember } from '../../../src/core/events/lists';

const member = (name: string, email: string, role: string, head = ''): StaffMember => ({
  name,
  email,
  role,
  head,
  dailyDigest: false,
});
const STAFF = [
  member('Анна Директор', 'anna@salon.example', 'Директор'),
  member('Ольга', 'olga@salon.example', 'администратор'),
  member('Борис', 'boris@salon.example', 'Менеджер', 'anna@salon.example'),
  member('Нино', 'nino@salon.example', 'Мастер', 'olga@salon.example'),
];
const OWNER = 'office@salon.example';

describe('roles from the Staff sheet', () => {
  it('reads the role words offices write, in three languages and any case', () => {
    expect(roleOfText('Генеральный  директор')).toBe('director');
    expect(roleOfText('ADMIN')).toBe('administrator');
    expect(roleOfText('მენეჯერი')).toBe('manager');
    expect(roleOfText('мастер')).toBe('specialist');
    expect(roleOfText('Стилист')).toBe('specialist');
    // Before roles existed the Staff sheet listed the people who take clients: an unknown word is a manager.
    expect(roleOfText('')).toBe('manager');
    expect(isKnownRole('стажёр')).toBe(false);
  });
});

describe('who is acting', () => {
  it('the owner is the office account, with every right, in the shared mode', () => {
    const id = identify('Office@Salon.example', OWNER, STAFF);
    expect(id).toMatchObject({ role: 'office', mode: 'shared' });
    expect(may(id, 'settingsEdit')).toBe(true);
  });

  it('a shared-account browser that chose who it is takes that person’s role (a convenience)', () => {
    const id = identify(OWNER, OWNER, STAFF, 'nino@salon.example');
    expect(id).toMatchObject({ role: 'specialist', mode: 'shared', member: { name: 'Нино' } });
    expect(may(id, 'import')).toBe(false);
  });

  it('a staff member signed in with their own account has their row’s role; the choice is ignored', () => {
    expect(identify('boris@salon.example', OWNER, STAFF, 'anna@salon.example')).toMatchObject({
      role: 'manager',
      mode: 'personal',
    });
    expect(may(identify('olga@salon.example', OWNER, STAFF), 'settingsEdit')).toBe(false);
    expect(may(identify('olga@salon.example', OWNER, STAFF), 'reports')).toBe(true);
  });

  it('a blank user and someone not on the Staff sheet are nobody', () => {
    expect(identify('', OWNER, STAFF)).toMatchObject({ role: 'nobody', mode: 'anonymous' });
    expect(identify('', OWNER, STAFF, 'anna@salon.example')).toMatchObject({ role: 'nobody' });
    expect(identify('stranger@salon.example', OWNER, STAFF)).toMatchObject({ role: 'nobody', mode: 'personal' });
    expect(may(identify('stranger@salon.example', OWNER, STAFF), 'logEvents')).toBe(false);
  });

  it('with an empty Staff sheet nobody is stopped yet', () => {
    expect(identify('stranger@salon.example', OWNER, [])).toMatchObject({ role: 'office' });
  });
});
