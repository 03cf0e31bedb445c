// Protection: a protected sheet or range as a script holds it (Sheet.protect(), Range.protect(), getProtections).
// The handle keeps the protection's id; every method is a round trip `SpreadsheetApp.Protection.<method>` on the
// record the spreadsheet keeps. Who may do what is protection-rules.ts. A script's write is judged as the account the
// execution runs as (Session.getEffectiveUser's account: an installable trigger's creator, the owner of an "execute as
// me" web app, else the person), never as a blank: where Session blanks an address (a simple trigger, a colleague's
// run) that is privacy, not authority; the run still acts with that person's rights, no more (UNVERIFIED for simple
// triggers: Google documents no protection rule for them; they act as the user who fired them).
// https://developers.google.com/apps-script/reference/spreadsheet/protection

import { effectiveUserEmail, ownerRuns } from '../auth/active-user';
import { ServiceContext } from '../context';
import { Emulated, member, signatureMismatch } from '../script/emulated';
import { User } from '../script/session';
import { GridBox } from './a1';
import { HandleContext, SheetRef } from './env';
import {
  canEditProtection,
  includesEmail,
  isWorkspaceAccount,
  PROTECTION_SAY,
  ProtectionKind,
  ProtectionRecord,
  requireEditable,
  requireSheetChangeable,
  sharingOf,
  withEmails,
  Writer,
} from './protection-rules';
import { fail, unsupported } from './rules';
import { SpreadsheetRecord } from './store';
import { isRangeSource, RangeSource, SOURCE } from './validation';

/** The account a script's write is judged as: the one the running execution acts as (the owner outside one). */
export function writerOf(ctx: ServiceContext): Writer {
  const owner = ctx.session.email;
  const identity = ctx.execution?.identity ?? ownerRuns(owner);
  // effectiveUserEmail outside LIMITED is the account itself (a time-driven run without a person: the owner).
  return { email: effectiveUserEmail(identity, false, owner), owner };
}

/** Refuses a script's change of `box` on sheet `sheetId` that a protection bars its effective user from. */
export function guardCells(env: HandleContext, ss: SpreadsheetRecord, sheetId: number, box: GridBox): void {
  requireEditable(ss.protections, sheetId, box, writerOf(env.ctx), fail);
}

/** Refuses a script's change of the sheet's own settings that its SHEET protection bars the effective user from. */
export function guardSheet(env: HandleContext, ss: SpreadsheetRecord, sheetId: number): void {
  requireSheetChangeable(ss.protections, sheetId, writerOf(env.ctx), fail);
}

/** A new protection, starting from the spreadsheet's own permissions (protection-rules.ts, "mirror"). */
export function newProtection(
  ss: SpreadsheetRecord,
  type: ProtectionKind,
  sheetId: number,
  box: GridBox | undefined,
  writer: Writer,
): ProtectionRecord {
  const sharing = sharingOf(ss.sharing, writer.owner);
  ss.protectionSeq += 1;
  const record: ProtectionRecord = {
    id: ss.protectionSeq,
    type,
    sheetId,
    ...(box && { box: { ...box } }),
    unprotected: [],
    description: '',
    warningOnly: false,
    editors: withEmails([writer.owner], [writer.email, ...sharing.editors]),
    domainEdit: sharing.domain,
  };
  ss.protections.push(record);
  return record;
}

type ProtectionApi = Emulated<
  GoogleAppsScript.Spreadsheet.Protection,
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'getEditors'
  | 'canEdit'
  | 'canDomainEdit'
  | 'setDomainEdit'
  | 'getDescription'
  | 'setDescription'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'getProtectionType'
  | 'getRange'
  | 'setRange'
  | 'getRangeName'
  | 'getUnprotectedRanges'
  | 'setUnprotectedRanges'
  | 'remove'
>;

/** An e-mail address from a String or a User (what addEditor/removeEditor take). */
function emailOf(v: unknown, method: string): string {
  if (typeof v === 'string') return v;
  if (v && typeof (v as { getEmail?: unknown }).getEmail === 'function') return String((v as User).getEmail());
  throw signatureMismatch(method, [v]);
}

function emailsOf(v: unknown, method: string): string[] {
  if (!Array.isArray(v)) throw signatureMismatch(method, [v]);
  return v.map((e) => emailOf(e, method));
}

export class Protection implements ProtectionApi {
  readonly #env: HandleContext;
  readonly #spreadsheetId: string;
  readonly #id: number;

  constructor(env: HandleContext, spreadsheetId: string, id: number) {
    this.#env = env;
    this.#spreadsheetId = spreadsheetId;
    this.#id = id;
  }

  /**
   * One round trip on the protection. `editorOnly`: only someone who may edit the protected area may make it (the
   * docs say so of getEditors and canDomainEdit; the emulator of every change too).
   */
  #call<T>(
    method: string,
    fn: (p: ProtectionRecord, ss: SpreadsheetRecord, writer: Writer) => T,
    editorOnly: boolean,
    sent?: unknown,
  ): T {
    return this.#env.ctx.call(
      `SpreadsheetApp.Protection.${method}`,
      () => {
        const ss = new SheetRef(this.#env, this.#spreadsheetId, 0).ss();
        const p = ss.protections.find((x) => x.id === this.#id);
        if (!p) throw fail(PROTECTION_SAY.removed);
        const writer = writerOf(this.#env.ctx);
        if (editorOnly && !canEditProtection(p, writer)) throw fail(PROTECTION_SAY.notAnEditor);
        return fn(p, ss, writer);
      },
      { sent },
    );
  }

  #range(sheetId: number, box: GridBox): object {
    return this.#env.range(new SheetRef(this.#env, this.#spreadsheetId, sheetId), box);
  }

  #add(method: string, emails: string[]): this {
    this.#call(method, (p) => void (p.editors = withEmails(p.editors, emails)), true, emails);
    return this;
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): this {
    return this.#add('addEditor', [emailOf(emailAddress, 'Protection.addEditor')]);
  }

  addEditors(emailAddresses: string[]): this {
    return this.#add('addEditors', emailsOf(emailAddresses, 'Protection.addEditors'));
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed": both stay, silently. */
  #remove(method: string, emails: string[]): this {
    this.#call(
      method,
      (p, _ss, writer) => {
        const drop = emails.filter((e) => !includesEmail([writer.owner, writer.email].filter(Boolean), e));
        p.editors = p.editors.filter((e) => !includesEmail(drop, e));
      },
      true,
      emails,
    );
    return this;
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): this {
    return this.#remove('removeEditor', [emailOf(emailAddress, 'Protection.removeEditor')]);
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): this {
    return this.#remove('removeEditors', emailsOf(emailAddresses, 'Protection.removeEditors'));
  }

  getEditors(): User[] {
    return this.#call('getEditors', (p) => p.editors.map((e) => new User(e)), true);
  }

  canEdit(): boolean {
    return this.#call('canEdit', (p, _ss, writer) => canEditProtection(p, writer), false);
  }

  canDomainEdit(): boolean {
    return this.#call('canDomainEdit', (p) => p.domainEdit, true);
  }

  setDomainEdit(editable: boolean): this {
    if (typeof editable !== 'boolean') throw signatureMismatch('Protection.setDomainEdit', [editable]);
    this.#call(
      'setDomainEdit',
      (p, _ss, writer) => {
        if (!isWorkspaceAccount(writer.owner)) throw fail(PROTECTION_SAY.noDomain);
        p.domainEdit = editable;
      },
      true,
      editable,
    );
    return this;
  }

  getDescription(): string {
    return this.#call('getDescription', (p) => p.description, false);
  }

  setDescription(description: string): this {
    if (typeof description !== 'string') throw signatureMismatch('Protection.setDescription', [description]);
    this.#call('setDescription', (p) => void (p.description = description), true, description);
    return this;
  }

  isWarningOnly(): boolean {
    return this.#call('isWarningOnly', (p) => p.warningOnly, false);
  }

  setWarningOnly(warningOnly: boolean): this {
    if (typeof warningOnly !== 'boolean') throw signatureMismatch('Protection.setWarningOnly', [warningOnly]);
    this.#call('setWarningOnly', (p) => void (p.warningOnly = warningOnly), true, warningOnly);
    return this;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.#call('getProtectionType', (p) => member<GoogleAppsScript.Spreadsheet.ProtectionType>(p.type), false);
  }

  /** A RANGE protection's cells; a SHEET protection's "range that spans the entire sheet". */
  getRange(): object {
    return this.#call(
      'getRange',
      (p, ss) => {
        const sheet = ss.sheets.find((s) => s.sheetId === p.sheetId);
        const whole = { row: 1, column: 1, numRows: sheet?.maxRows ?? 1, numColumns: sheet?.maxColumns ?? 1 };
        return this.#range(p.sheetId, p.box ?? whole);
      },
      false,
    );
  }

  /** Moves a RANGE protection to cover `range` (same spreadsheet). UNVERIFIED: on a SHEET protection it is refused. */
  setRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    if (!isRangeSource(range)) throw signatureMismatch('Protection.setRange', [range]);
    const { spreadsheetId, sheetId, ...box } = range[SOURCE]();
    this.#call(
      'setRange',
      (p) => {
        if (p.type !== 'RANGE' || spreadsheetId !== this.#spreadsheetId) throw unsupported('this Protection.setRange');
        p.sheetId = sheetId;
        p.box = box;
      },
      true,
    );
    return this;
  }

  /** Named ranges are not emulated: never associated (Google: null unless setRangeName was called). */
  getRangeName(): string | null {
    return this.#call('getRangeName', () => null, false);
  }

  getUnprotectedRanges(): object[] {
    return this.#call('getUnprotectedRanges', (p) => p.unprotected.map((b) => this.#range(p.sheetId, b)), false);
  }

  /** "Throws an exception if the Protection object corresponds to a protected range … or if any of the ranges are not
   * on the protected sheet"; an empty array re-protects the whole sheet. */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): this {
    const given: unknown[] = Array.isArray(ranges) ? ranges : [];
    if (!Array.isArray(ranges) || !given.every(isRangeSource))
      throw signatureMismatch('Protection.setUnprotectedRanges', [ranges]);
    const sources = (given as RangeSource[]).map((r) => r[SOURCE]());
    this.#call(
      'setUnprotectedRanges',
      (p) => {
        if (
          p.type !== 'SHEET' ||
          sources.some((s) => s.spreadsheetId !== this.#spreadsheetId || s.sheetId !== p.sheetId)
        )
          throw fail(PROTECTION_SAY.unprotectedOnRange);
        p.unprotected = sources.map(({ row, column, numRows, numColumns }) => ({ row, column, numRows, numColumns }));
      },
      true,
    );
    return this;
  }

  remove(): void {
    this.#call(
      'remove',
      (p, ss) => {
        ss.protections.splice(ss.protections.indexOf(p), 1);
      },
      true,
    );
  }
}
