import { canonicalContact, contactHash, toBackupContact } from '../../../src/core/backup/snapshot';
import type { Person } from '../../../src/core/import/types';

const groups = new Map([
  ['contactGroups/1a2b', 'VIP'],
  ['contactGroups/3c4d', 'Опт'],
]);

/** A contact as People's connections.list returns it: etag, person and field metadata, memberships, photos. */
const listed: Person = {
  resourceName: 'people/c123',
  etag: '%EgUBAi43PRoEAQIFByIMRnJ3a3pPTnN4c2s9',
  metadata: { sources: [{ type: 'CONTACT', id: '7b', etag: '#abc', updateTime: '2024-05-01T10:00:00Z' }] },
  names: [
    {
      metadata: { primary: true, source: { type: 'CONTACT', id: '7b' } },
      displayName: 'Иван Иванов',
      displayNameLastFirst: 'Иванов, Иван',
      givenName: 'Иван',
      familyName: 'Иванов',
    },
  ],
  phoneNumbers: [
    { value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile', formattedType: 'Мобильный' },
  ],
  photos: [{ url: 'https://lh3.googleusercontent.com/x', default: true }],
  memberships: [
    { contactGroupMembership: { contactGroupId: 'myContacts', contactGroupResourceName: 'contactGroups/myContacts' } },
    { contactGroupMembership: { contactGroupResourceName: 'contactGroups/3c4d' } },
    { contactGroupMembership: { contactGroupResourceName: 'contactGroups/starred' } },
    { contactGroupMembership: { contactGroupResourceName: 'contactGroups/1a2b' } },
  ],
  occupations: [{ value: 'Стоматолог', metadata: { source: { type: 'CONTACT', id: '7b' } } }],
  clientData: [{ key: 'crm.clientId', value: 'c-1', metadata: { source: { type: 'CONTACT', id: '7b' } } }],
  biographies: [],
};

describe('backup snapshot of a contact', () => {
  const backup = toBackupContact(listed, groups);

  it('keeps every field, labels by name sorted, and drops etag, metadata, photos and system groups', () => {
    expect(backup).toEqual({
      labels: ['Опт', 'VIP'].sort(),
      person: {
        resourceName: 'people/c123',
        names: [{ displayName: 'Иван Иванов', givenName: 'Иван', familyName: 'Иванов' }],
        phoneNumbers: [{ value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' }],
        occupations: [{ value: 'Стоматолог' }],
        clientData: [{ key: 'crm.clientId', value: 'c-1' }],
      },
    });
    expect(backup.labels).toEqual(['VIP', 'Опт']);
  });

  it('hashes the same whatever the key order, the etag or the field metadata', () => {
    const shuffled = {
      clientData: [{ value: 'c-1', key: 'crm.clientId' }],
      phoneNumbers: [{ type: 'mobile', canonicalForm: '+79123456789', value: '+7 912 345-67-89' }],
      occupations: [{ value: 'Стоматолог' }],
      names: [{ familyName: 'Иванов', givenName: 'Иван', displayName: 'Иван Иванов' }],
      resourceName: 'people/c123',
    };
    expect(contactHash({ person: shuffled, labels: ['Опт', 'VIP'] })).toBe(contactHash(backup));
    expect(contactHash({ person: { ...listed, etag: 'other' }, labels: backup.labels })).toBe(contactHash(backup));
    expect(canonicalContact({ person: shuffled, labels: ['VIP', 'Опт', 'VIP'] })).toBe(canonicalContact(backup));
    expect(contactHash(backup)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs on any change of a field or a label', () => {
    const base = contactHash(backup);
    const changed = (person: Person, labels = backup.labels) => contactHash({ person, labels });
    const p = backup.person;
    expect(changed({ ...p, phoneNumbers: [{ ...p.phoneNumbers![0], type: 'work' }] })).not.toBe(base);
    expect(changed({ ...p, names: [{ ...p.names![0], givenName: 'Иоанн' }] })).not.toBe(base);
    expect(changed({ ...p, clientData: [{ key: 'crm.clientId', value: 'c-2' }] })).not.toBe(base);
    expect(changed({ ...p, biographies: [{ value: 'новая заметка' }] })).not.toBe(base);
    expect(changed(p, ['VIP'])).not.toBe(base);
    // The order of a contact's phones is its own: the first one is the main number.
    const two = { ...p, phoneNumbers: [...p.phoneNumbers!, { value: '222-33-44' }] };
    expect(changed(two)).not.toBe(changed({ ...two, phoneNumbers: [...two.phoneNumbers].reverse() }));
  });
});
