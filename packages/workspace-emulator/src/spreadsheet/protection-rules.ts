// Who may edit what under Sheets' protected sheets and ranges: the records a spreadsheet keeps, the rule that decides
// whether one person may change one box of cells, and how protected boxes follow inserted and deleted rows. Shared by
// SpreadsheetApp (protection.ts, sheet.ts, range.ts), the Sheets API (sheets/batch-update.ts) and a person typing
// (user-edits.ts), so the three refuse the same edits with the same sentence.
//
// Google (https://developers.google.com/apps-script/reference/spreadsheet/protection and Sheet.protect()):
// - "Until the script actually changes the list of editors for the sheet (by calling Protection.removeEditor…,
//   addEditor…, or setting a new value for Protection.setDomainEdit(editable)), the permissions will mirror those of
//   the spreadsheet itself, which effectively means that the sheet remains unprotected." The emulator copies the
//   spreadsheet's own permissions into the protection when it is made (its owner, the user who protects, the people
//   it is shared with, and whether the owner's domain may edit): the same people can edit until the script changes
//   the list. UNVERIFIED: later sharing changes are not mirrored.
// - canEdit: "The spreadsheet owner is always able to edit protected ranges and sheets."
// - removeEditor(s): "Neither the owner of the spreadsheet nor the current user can be removed."
// - getEditors / canDomainEdit: "Throws an exception if the user does not have permission to edit the protected range
//   or sheet." The emulator refuses every change of a protection by a user who cannot edit it, too (UNVERIFIED: the
//   stricter reading; the docs say it of the reads only).
// - setDomainEdit: "Throws an exception if the spreadsheet does not belong to a Google Workspace domain (that is, if
//   it is owned by a gmail.com account)."
// - isWarningOnly: "Warning-based protection means that every user can edit data in the area, except editing prompts
//   a warning asking the user to confirm the edit." Scripts are not asked: their writes go through (UNVERIFIED).
// - Range.protect(): several protected ranges may cover one cell; a user barred by any of them cannot edit it.
//
// A refused edit says Google's sentence, seen verbatim in Sheets API responses (theoephraim/node-google-spreadsheet#20:
// HTTP 400 "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove
// protection if you need to edit."); SpreadsheetApp throws the same sentence as an Exception.

import { GridBox } from './a1';

export type ProtectionKind = 'SHEET' | 'RANGE';

export interface ProtectionRecord {
  /** Unique in the spreadsheet (the Sheets API's protectedRangeId). */
  id: number;
  type: ProtectionKind;
  sheetId: number;
  /** The protected cells of a RANGE protection; a SHEET protection covers the whole grid. */
  box?: GridBox;
  /** The cells a SHEET protection leaves open (setUnprotectedRanges). */
  unprotected: GridBox[];
  description: string;
  warningOnly: boolean;
  /** Who may edit, as given (compared ignoring case); the owner may always edit. */
  editors: string[];
  /** Everyone in the owner's Workspace domain may edit. */
  domainEdit: boolean;
}

/** Who a spreadsheet is shared with for editing (Drive sharing), as the host set it. */
export interface SharingRecord {
  editors: string[];
  /** Shared with everyone in the owner's Workspace domain as editors; absent: the default (sharingOf). */
  domain?: boolean;
}

/** The person changing cells and the spreadsheet's owner (the Workspace's account). `email` '' when Google blanks it. */
export interface Writer {
  email: string;
  owner: string;
}

export const PROTECTION_SAY = {
  /** Google's sentence (see the header). */
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  /** UNVERIFIED: a common Apps Script refusal; what Protection's methods throw for a non-editor is not documented. */
  notAnEditor: 'You do not have permission to perform that action.',
  /** UNVERIFIED wording (setDomainEdit on a gmail.com owner's spreadsheet). */
  noDomain: 'This spreadsheet does not belong to a Google Workspace domain.',
  /** UNVERIFIED wording: a Protection handle after remove(). */
  removed: 'The protection has been removed.',
  /** UNVERIFIED wording (setUnprotectedRanges on a range protection, or with ranges of another sheet). */
  unprotectedOnRange: 'Unprotected ranges can only be set on a protected sheet, with ranges of that sheet.',
} as const;

/**
 * What a person's edit in the Sheets UI meets on a protected cell (sheets-user.ts): Sheets refuses it with this
 * sentence in a dialog; nothing changes and no trigger fires.
 */
export class ProtectedEditRefused extends Error {
  constructor(readonly person: string) {
    super(PROTECTION_SAY.protectedCell);
    this.name = 'ProtectedEditRefused';
  }
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
const CONSUMER = new Set(['gmail.com', 'googlemail.com']);

/** Whether `owner` is a Google Workspace account (a domain's), not a consumer gmail.com one. */
export function isWorkspaceAccount(owner: string): boolean {
  return owner.includes('@') && !CONSUMER.has(domainOf(owner));
}

function inOwnersDomain(email: string, owner: string): boolean {
  return email.includes('@') && isWorkspaceAccount(owner) && domainOf(email) === domainOf(owner);
}

/**
 * A spreadsheet the host never shared: UNVERIFIED (the emulator has no Drive). The stricter default is a Workspace
 * owner's spreadsheet shared with its whole domain, so a protection that is not narrowed still lets colleagues edit,
 * as Google's "mirror" would for a domain-shared file, and a product must narrow it (setDomainEdit(false)).
 */
export function sharingOf(sharing: SharingRecord | undefined, owner: string): Required<SharingRecord> {
  return { editors: sharing?.editors ?? [], domain: sharing?.domain ?? isWorkspaceAccount(owner) };
}

export function includesEmail(list: readonly string[], email: string): boolean {
  return list.some((e) => same(e, email));
}

/** Adds addresses not yet on the list (ignoring case), keeping the list's order. */
export function withEmails(list: readonly string[], add: readonly string[]): string[] {
  const out = [...list];
  for (const e of add) if (e && !includesEmail(out, e)) out.push(e);
  return out;
}

/** Whether `writer` may change what `p` protects (its cells, or its settings). */
export function canEditProtection(p: ProtectionRecord, writer: Writer): boolean {
  if (writer.email && same(writer.email, writer.owner)) return true;
  if (!writer.email) return false;
  return includesEmail(p.editors, writer.email) || (p.domainEdit && inOwnersDomain(writer.email, writer.owner));
}

const overlaps = (a: GridBox, b: GridBox): boolean =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.column < b.column + b.numColumns &&
  b.column < a.column + a.numColumns;

const inside = (row: number, column: number, b: GridBox): boolean =>
  row >= b.row && row < b.row + b.numRows && column >= b.column && column < b.column + b.numColumns;

/**
 * Whether the open boxes cover all of `box`. The edges of the boxes cut `box` into cells of a coarse grid; each coarse
 * cell is wholly in or out of each box, so testing its corner suffices (cheap even for a whole-sheet clear).
 */
function covered(box: GridBox, open: readonly GridBox[]): boolean {
  if (!open.length) return false;
  const cuts = (start: number, size: number, edges: number[]): number[] =>
    [...new Set([start, ...edges.filter((e) => e > start && e < start + size)])].sort((x, y) => x - y);
  const rows = cuts(
    box.row,
    box.numRows,
    open.flatMap((b) => [b.row, b.row + b.numRows]),
  );
  const cols = cuts(
    box.column,
    box.numColumns,
    open.flatMap((b) => [b.column, b.column + b.numColumns]),
  );
  return rows.every((r) => cols.every((c) => open.some((b) => inside(r, c, b))));
}

/** Whether `p` covers any cell of `box` on sheet `sheetId`. */
export function protects(p: ProtectionRecord, sheetId: number, box: GridBox): boolean {
  if (p.sheetId !== sheetId) return false;
  if (p.type === 'RANGE') return !!p.box && overlaps(p.box, box);
  return !covered(box, p.unprotected);
}

/** The first protection that bars `writer` from changing `box` (warning-only ones bar nobody), if any. */
export function barringProtection(
  protections: readonly ProtectionRecord[],
  sheetId: number,
  box: GridBox,
  writer: Writer,
): ProtectionRecord | undefined {
  return protections.find((p) => !p.warningOnly && protects(p, sheetId, box) && !canEditProtection(p, writer));
}

/** Refuses the change with `fail(Google's sentence)` when a protection bars `writer` from `box`. */
export function requireEditable(
  protections: readonly ProtectionRecord[],
  sheetId: number,
  box: GridBox,
  writer: Writer,
  fail: (message: string) => Error,
): void {
  if (barringProtection(protections, sheetId, box, writer)) throw fail(PROTECTION_SAY.protectedCell);
}

/**
 * Refuses inserting rows after `afterRow` when a protection bars `writer` from it: a SHEET protection always (the
 * grid changes; UNVERIFIED whether open ranges allow it: refused, the stricter choice), a RANGE protection when the
 * new rows would land inside it.
 */
export function requireRowsInsertable(
  protections: readonly ProtectionRecord[],
  sheetId: number,
  afterRow: number,
  writer: Writer,
  fail: (message: string) => Error,
): void {
  const bars = protections.some((p) => {
    if (p.sheetId !== sheetId || p.warningOnly || canEditProtection(p, writer)) return false;
    if (p.type === 'SHEET') return true;
    return !!p.box && p.box.row <= afterRow && afterRow < p.box.row + p.box.numRows - 1;
  });
  if (bars) throw fail(PROTECTION_SAY.protectedCell);
}

/**
 * Refuses a change to the sheet itself (frozen rows, column widths, hiding or showing it) when its SHEET protection
 * bars `writer`, open ranges or not. UNVERIFIED: Google does not document which sheet settings a protected sheet
 * keeps from non-editors; refusing them all is the stricter choice. Range protections do not bar these.
 */
export function requireSheetChangeable(
  protections: readonly ProtectionRecord[],
  sheetId: number,
  writer: Writer,
  fail: (message: string) => Error,
): void {
  const bars = protections.some(
    (p) => p.type === 'SHEET' && p.sheetId === sheetId && !p.warningOnly && !canEditProtection(p, writer),
  );
  if (bars) throw fail(PROTECTION_SAY.protectedCell);
}

/** Moves a box down for `count` rows inserted after `afterRow`; a box the new rows land inside grows. */
function boxAfterInsert(b: GridBox, afterRow: number, count: number): GridBox {
  if (b.row > afterRow) return { ...b, row: b.row + count };
  if (afterRow < b.row + b.numRows - 1) return { ...b, numRows: b.numRows + count };
  return b;
}

/** A box once rows `start`..`start + count - 1` are gone; undefined when none of its rows is left. */
function boxAfterDelete(b: GridBox, start: number, count: number): GridBox | undefined {
  const end = start + count; // first row after the deleted ones
  const last = b.row + b.numRows; // first row after the box
  const keptAbove = Math.max(0, Math.min(last, start) - b.row);
  const keptBelow = Math.max(0, last - Math.max(end, b.row));
  const numRows = keptAbove + keptBelow;
  if (numRows === 0) return undefined;
  const row = b.row < start ? b.row : Math.max(start, b.row - count);
  return { ...b, row, numRows };
}

/** Protected and open boxes follow inserted rows, as protected ranges do in Sheets. */
export function shiftForInsert(protections: ProtectionRecord[], sheetId: number, afterRow: number, count: number) {
  for (const p of protections) {
    if (p.sheetId !== sheetId) continue;
    if (p.box) p.box = boxAfterInsert(p.box, afterRow, count);
    p.unprotected = p.unprotected.map((b) => boxAfterInsert(b, afterRow, count));
  }
}

/**
 * Protected and open boxes follow deleted rows; a protected range whose rows are all gone goes with them (UNVERIFIED:
 * Sheets keeps such a protection with a #REF! range; dropping it is what the grid shows).
 */
export function shiftForDelete(protections: ProtectionRecord[], sheetId: number, start: number, count: number) {
  for (let i = protections.length - 1; i >= 0; i--) {
    const p = protections[i];
    if (p.sheetId !== sheetId) continue;
    if (p.box) {
      const moved = boxAfterDelete(p.box, start, count);
      if (!moved) {
        protections.splice(i, 1);
        continue;
      }
      p.box = moved;
    }
    p.unprotected = p.unprotected.flatMap((b) => boxAfterDelete(b, start, count) ?? []);
  }
}

/** A deep copy (the Sheets API batch works on copies until it commits). */
export function copyProtection(p: ProtectionRecord): ProtectionRecord {
  return {
    ...p,
    ...(p.box && { box: { ...p.box } }),
    unprotected: p.unprotected.map((b) => ({ ...b })),
    editors: [...p.editors],
  };
}
