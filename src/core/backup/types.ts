// The shapes of the nightly backup, the restore and the change journal: what the Drive folder of a night holds, how
// a restore decides, and one journalled change to a contact. Pure data — the server writes them to Drive and the
// Journal sheet, the CLI and the sidebars read them through src/shared/backup-dto.ts.

import type { Person } from '../import/types';

/** A contact as a backup keeps it: every field the People API gave (LISTED + the rest of FIELD_ORDER), its labels by
 *  name (group resourceNames differ between accounts) and nothing volatile (no etag, no metadata). */
export interface BackupContact {
  /** resourceName, the fields and clientData (the CRM's keys: crm.clientId, crm.importId, …). */
  person: Person;
  /** User label names, sorted. */
  labels: string[];
}

/** What one file of a night's folder is. The JSON kinds are the CRM's exact machine copy a restore reads; vCard,
 *  Google CSV and xlsx are for people and other tools. */
export type BackupFileKind =
  | 'contacts-json' // BackupContact[] (JSON), one part per ≤ PART_BYTES
  | 'vcard' // vCard 4.0, RFC 6350
  | 'google-csv' // Google Contacts CSV, one header per part
  | 'sheets-json' // SheetsCopy: the CRM sheets' values
  | 'sheets-xlsx' // Events, Lists, Staff, Settings, Imports as a workbook
  | 'manifest'; // BackupManifest, written last

export interface BackupFile {
  name: string;
  kind: BackupFileKind;
  /** Drive file id ('' in a local copy). */
  id: string;
  /** 1-based part number within its kind. */
  part: number;
  bytes: number;
  /** Hex MD5 of the bytes written (Drive's md5Checksum must match on read-back). */
  md5: string;
  /** Contacts (contact kinds) or rows (sheet kinds) the part holds. */
  records: number;
}

/** The CRM sheets' values as the Sheets API returns them (formatted strings), header row first. */
export interface SheetsCopy {
  /** Template key ('events', 'lists', 'staff', 'settings', 'imports') → rows. */
  sheets: Record<string, unknown[][]>;
  /** The spreadsheet's zone when copied (date cells are wall-clock text in it). */
  timeZone: string;
}

export type NightStatus = 'running' | 'verified' | 'failed';

export interface BackupManifest {
  format: 1;
  /** The office-local date the backup is for: 'YYYY-MM-DD' (the folder's name). */
  night: string;
  startedAt: string;
  finishedAt: string;
  status: NightStatus;
  spreadsheetId: string;
  counts: { contacts: number; events: number; labels: number };
  labels: string[];
  files: BackupFile[];
  /** resourceName → contactHash(contact), for verification and the next night's change detection. */
  contactHashes: Record<string, string>;
  /** What failed or did not match (file name + reason); empty when verified. */
  problems: string[];
}

/** A restore's decision for one backed-up contact. */
export type RestoreDecision =
  | { action: 'create'; backup: BackupContact }
  | {
      action: 'update';
      backup: BackupContact;
      current: Person;
      fields: string[];
      labelsToAdd: string[];
      labelsToRemove: string[];
    }
  | { action: 'unchanged'; backup: BackupContact; current: Person };

export interface RestorePlan {
  decisions: RestoreDecision[];
  /** Label names the account lacks. */
  labelsToCreate: string[];
  /** Backed-up resourceName → the current contact's resourceName, for contacts matched now (created ones are added
   *  when they are made). */
  relink: Record<string, string>;
  counts: { created: number; updated: number; unchanged: number };
}

/** Who made a change: the CRM's own writes by their path, or someone outside it (Contacts app, a phone). */
export type ChangeSource = 'import' | 'undo' | 'edit' | 'add' | 'restore' | 'revert' | 'outside';
export type ChangeAction = 'created' | 'updated' | 'deleted' | 'labels';

/** The part of a contact a change touched: the named People fields and, for 'labels', the label names. */
export interface ContactState {
  person: Person;
  labels?: string[];
}

/** One journalled write to one contact (a Journal sheet row). */
export interface ContactChange {
  /** 'ch-' + a sortable time part + random: unique across executions. */
  id: string;
  /** ISO instant. */
  at: string;
  /** E-mail of who did it ('' when Google named no one; 'outside' changes: ''). */
  actor: string;
  source: ChangeSource;
  action: ChangeAction;
  resourceName: string;
  /** The client's display name then (the sidebar lists it; the sheet is the office's, not a log). */
  client: string;
  /** People fields changed ('memberships' for labels). */
  fields: string[];
  /** Those fields before (absent for 'created'). */
  before?: ContactState;
  /** Those fields after (absent for 'deleted'). */
  after?: ContactState;
  /** For a revert: the change it undid. */
  revertOf?: string;
}
