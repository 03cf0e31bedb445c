// The shapes of an import plan, its calls, its checkpoint and its undo. All plain JSON (no Dates, Maps or
// functions): the preview travels through google.script.run and the checkpoint is stored as text.

import type { Person } from '../types';
import type { FieldConflict } from './merge';
import type { PhoneKey } from './keys';

export type { FieldConflict };

/** A conflict found while planning, with the file row whose value was not written. */
export interface PlanConflict extends FieldConflict {
  rowNumber: number;
}

/** An existing user contact group (label), as ContactGroups.list returns it. */
export interface ContactGroupRef {
  resourceName: string;
  name: string;
}

export interface PlanOptions {
  /** Identifies this import: written to clientData `crm.importId` of every contact it creates. */
  importId: string;
  /** Raw phone → E.164, or undefined when the text is not a phone (the phone module's parser). */
  phoneKey: PhoneKey;
  /** The account's user contact groups; labels are matched to them by name, ignoring case. */
  groups?: ContactGroupRef[];
  /** Fields the listing of existing contacts read. Updates touch only these: an update mask naming a field that was
   *  not read would clear it. Default: MERGE_FIELDS. */
  readFields?: readonly string[];
}

export interface PlannedCreate {
  /** crm.clientId written on the contact: deterministic from importId + first row, so a re-plan names it alike. */
  clientId: string;
  /** Every file row folded into this contact, first row first. */
  rowNumbers: number[];
  /** Ready for batchCreateContacts: no memberships, clientData carries crm.importId/clientId/rowHash. */
  person: Person;
  labels: string[];
  /** In-file duplicates that disagreed with the first row (first row wins). */
  conflicts: PlanConflict[];
}

export interface PlannedUpdate {
  resourceName: string;
  etag: string;
  rowNumbers: number[];
  /** The changed fields as they were (absent fields as []), for undo. */
  before: Person;
  /** The existing contact with the merge applied (all fields it was listed with), ready for batchUpdateContacts. */
  after: Person;
  /** What the file's rows bring (the folded group), merged onto `after`'s contact: merged again onto the contact as
   *  it is now when another client changed it after the listing (reapply.ts). */
  incoming?: Person;
  /** Exactly the changed top-level fields, comma-separated (empty when only labels are added). */
  updatePersonFields: string;
  addedLabels: string[];
  /** Filled fields NOT overwritten (and in-file disagreements), for the preview. */
  conflicts: PlanConflict[];
}

export type SkipReason = 'duplicate-in-file' | 'identical' | 'already-imported';

export interface PlannedSkip {
  rowNumber: number;
  reason: SkipReason;
  resourceName?: string;
  /** For duplicate-in-file: the row it was folded into. */
  sameAsRow?: number;
  /** For identical: filled fields that differ and were left alone. */
  conflicts?: PlanConflict[];
  /** For already-imported: labels the contact still lacks (an interrupted import that created but did not label). */
  missingLabels?: string[];
}

export interface DuplicateGroup {
  rowNumbers: number[];
  /** The shared E.164 phones / e-mails, comma-separated. */
  key: string;
  /** The account's contact they match, when they match one. */
  resourceName?: string;
  /** Further account contacts matching other keys of the same rows (the account already holds duplicates; the
   *  import does not merge them, it only says so). */
  otherResourceNames?: string[];
}

/** Why rows of the file were folded into one client: they share a phone, an e-mail, both, or each matches the same
 *  account contact through different keys (`contact`). */
export type MergeReason = 'phone' | 'email' | 'both' | 'contact';

/** Rows of the file folded into one client, as the preview lists them. */
export interface PlanMerge {
  /** Spreadsheet row numbers as the user sees them (the header row counted), in order. */
  rows: number[];
  reason: MergeReason;
  /** The shared key as the file gives it (`+79123456789`, `anna@example.com`; several comma-separated), or for
   *  `contact` the account contact's resourceName. */
  value: string;
  /** The row the others were folded into (its values win). */
  into: number;
}

export interface ImportPlan {
  importId: string;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  /** Every row that does not produce its own write. */
  skips: PlannedSkip[];
  duplicates: DuplicateGroup[];
  /** Every group of two or more file rows folded into one client, in the order of their first rows. */
  merges: PlanMerge[];
  /** Labels with no contact group yet, in first-use order. */
  labelsToCreate: string[];
  /** Every label the file uses (group spelling when the group exists). */
  labels: string[];
  /** Label → existing group resourceName. */
  labelGroups: Record<string, string>;
}

/** A label member: an existing contact, or one this import creates (its resourceName comes back from batchCreate). */
export type MemberRef = { resourceName: string } | { clientId: string };

/** One People API call each. */
export type ImportCall =
  | { kind: 'createGroup'; name: string }
  | { kind: 'batchCreate'; items: PlannedCreate[]; withLabels: boolean }
  | { kind: 'batchUpdate'; items: PlannedUpdate[]; updateMask: string }
  | { kind: 'modifyMembers'; label: string; groupResourceName?: string; members: MemberRef[]; count: number };

export interface BatchOptions {
  create: number;
  update: number;
  members: number;
  /** Put memberships in the created persons (labels ride on batchCreate, no modifyMembers for new contacts). */
  labelsOnCreate: boolean;
}

/** What undo needs from one update, stored write-ahead (before the call is sent). */
export interface UpdateRecord {
  resourceName: string;
  before: Person;
  /** Field → fingerprint of the value the import wrote (not the value itself: the checkpoint stays small). */
  after: Record<string, string>;
  updatePersonFields: string;
}

export interface ImportCheckpoint {
  version: 1;
  importId: string;
  /** Calls of batchPlan completed; progress only — resuming re-plans against a fresh listing. */
  doneBatches: number;
  createdResourceNames: string[];
  updated: UpdateRecord[];
  labelsCreated: ContactGroupRef[];
  /** Existing contacts added to groups (write-ahead), so undo can take them out again. */
  membersAdded: Array<{ group: string; resourceNames: string[] }>;
}

export interface RestoreItem {
  resourceName: string;
  /** Current etag. */
  etag: string;
  /** The current contact with the restored fields put back (send with the batch's updateMask). */
  person: Person;
  updatePersonFields: string;
}

export interface UndoWarning {
  resourceName: string;
  reason: 'edited-after-import' | 'gone';
  /** For an updated contact: fields changed by someone since, left as they are. */
  fields?: string[];
}

export type UndoCall =
  | { kind: 'batchUpdate'; items: RestoreItem[]; updateMask: string }
  | { kind: 'modifyMembers'; group: string; remove: string[] }
  | { kind: 'batchDelete'; resourceNames: string[] }
  | { kind: 'deleteGroup'; resourceName: string };

export interface UndoPlan {
  importId: string;
  deletes: string[];
  restores: RestoreItem[];
  removeMembers: Array<{ group: string; resourceNames: string[] }>;
  deleteGroups: string[];
  warnings: UndoWarning[];
  calls: UndoCall[];
}
