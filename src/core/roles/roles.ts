// The roles of the office's people, read from the Staff sheet's "Role" cell as the office writes it (ru/en/ka, any
// case), and what each role may do. One table: the menu, the sidebars, the Gmail card and the server's checks all ask
// `can(role, capability)`, so a role's rights are stated here and nowhere else.

import { headerKey } from '../sheets/template';

/**
 * `office` is the shared Google account that owns the spreadsheet: it stands for the whole office. `nobody` is a
 * person Google does not name (blank e-mail) or who is not on the Staff sheet while the sheet has people on it.
 */
export type Role = 'office' | 'director' | 'administrator' | 'manager' | 'specialist' | 'nobody';

export const STAFF_ROLES = ['director', 'administrator', 'manager', 'specialist'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type Capability =
  /** CRM → Reports: refresh the Reports sheet, open the Dashboard. */
  | 'reports'
  /** Import / export of the base and undoing an import. */
  | 'import'
  /** Open the Settings sidebar (see the settings and the access mode). */
  | 'settingsView'
  /** Change Settings, Lists and Staff (the protected sheets), run setup / repair. */
  | 'settingsEdit'
  /** Make anyone on the staff responsible for an event; change anyone's event. */
  | 'everyone'
  /** See every client and every task (a manager may be limited to their own by Settings). */
  | 'allClients'
  /** Log an event, mark own events done, reschedule and cancel them. */
  | 'logEvents'
  /** Add a client, edit a client's card. */
  | 'editClients'
  /** CRM → Mailing: send an e-mail or SMS merge to many clients, stop one. */
  | 'mailings';

/** Every capability, in the order the access view lists them. */
export const CAPABILITIES: Capability[] = [
  'reports',
  'import',
  'settingsView',
  'settingsEdit',
  'everyone',
  'allClients',
  'logEvents',
  'editClients',
  'mailings',
];

const RIGHTS: Record<Role, Capability[]> = {
  office: [
    'reports',
    'import',
    'settingsView',
    'settingsEdit',
    'everyone',
    'allClients',
    'logEvents',
    'editClients',
    'mailings',
  ],
  director: [
    'reports',
    'import',
    'settingsView',
    'settingsEdit',
    'everyone',
    'allClients',
    'logEvents',
    'editClients',
    'mailings',
  ],
  administrator: [
    'reports',
    'import',
    'settingsView',
    'everyone',
    'allClients',
    'logEvents',
    'editClients',
    'mailings',
  ],
  manager: ['allClients', 'logEvents', 'editClients'],
  specialist: ['logEvents'],
  nobody: [],
};

export function can(role: Role, capability: Capability): boolean {
  return RIGHTS[role].includes(capability);
}

/** The words offices write in the Role cell, by role (compared as headerKey: case, spaces, ё/е folded). */
const ROLE_WORDS: Record<StaffRole, string[]> = {
  director: [
    'director',
    'owner',
    'ceo',
    'head of office',
    'директор',
    'генеральный директор',
    'владелец',
    'руководитель',
    'დირექტორი',
    'მფლობელი',
    'ხელმძღვანელი',
  ],
  administrator: ['administrator', 'admin', 'администратор', 'админ', 'ადმინისტრატორი'],
  manager: ['manager', 'sales manager', 'менеджер', 'менеджер по продажам', 'მენეჯერი'],
  specialist: [
    'specialist',
    'master',
    'stylist',
    'doctor',
    'специалист',
    'мастер',
    'стилист',
    'врач',
    'косметолог',
    'სპეციალისტი',
    'ოსტატი',
    'ექიმი',
  ],
};

const BY_WORD = new Map<string, StaffRole>(
  (Object.entries(ROLE_WORDS) as Array<[StaffRole, string[]]>).flatMap(([role, words]) =>
    words.map((w) => [headerKey(w), role] as [string, StaffRole]),
  ),
);

/**
 * The role a Staff row's Role cell names. An empty or unknown word is a manager: the role the Staff sheet was for
 * before roles existed (people who take clients and events), neither more nor less than that.
 */
export function roleOfText(text: string): StaffRole {
  return BY_WORD.get(headerKey(text)) ?? 'manager';
}

/** Whether the cell names a role we know (the Staff sheet's check and `crm staff add` refuse others). */
export function isKnownRole(text: string): boolean {
  return BY_WORD.has(headerKey(text));
}
