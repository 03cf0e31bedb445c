// The office's reference data one execution of the event log needs — the spreadsheet's zone, the Lists, Labels,
// Staff and Settings sheets, who is acting — each read at most once and only when something asks for it, so the due
// list pays for the Events sheet and the zone and nothing else.

import { Locale } from '../../core/i18n/locale';
import type { OfficeSettings } from '../../core/settings/read';
import { SheetKey } from '../../core/sheets/templates';
import {
  LabelPeriod,
  parseLabels,
  parseLists,
  parseStaff,
  ReferenceLists,
  StaffMember,
  staffMemberNamed,
} from '../../core/events';
import { identify, Identity } from '../../core/roles/identity';
import { addonProperties, crmSheet, crmSpreadsheet, OWNER_PROPERTY, setAddonProperty } from '../sheets/crm-spreadsheet';
import { officeSettings } from '../sheets/settings';

/** Who a write made for the Gmail add-on is made for (events/write-service.ts): the add-on's user, not the web app's. */
let actingFor: string | undefined;

/**
 * Runs `write` on behalf of `email`: the sheet project's web app executes as the account that deployed it, and
 * Session.getActiveUser() there is that account or blank for a caller with no Google session (UNVERIFIED which: the
 * Session docs say the user's identity may be withheld, https://developers.google.com/apps-script/reference/base/session),
 * so the add-on, authenticated by the shared secret, says who is acting.
 */
export function actingAs<T>(email: string, write: () => T): T {
  const outer = actingFor;
  // A blank actor stays blank: the add-on's user Google did not name is nobody, not the account the web app runs as.
  actingFor = email.trim().toLowerCase();
  try {
    return write();
  } finally {
    actingFor = outer;
  }
}

export class OfficeContext {
  private readonly memo: Record<string, unknown> = {};
  private spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;

  constructor(spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.spreadsheet = spreadsheet;
  }

  private once<T>(key: string, read: () => T): T {
    if (!(key in this.memo)) this.memo[key] = read();
    return this.memo[key] as T;
  }

  get ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (!this.spreadsheet) this.spreadsheet = crmSpreadsheet();
    return this.spreadsheet;
  }

  /**
   * The office's zone: Settings → timeZone (setup writes the spreadsheet's there, and saving it sets the spreadsheet's
   * zone too, so date cells agree), else the spreadsheet's own — one more request, only when Settings has none.
   */
  get timeZone(): string {
    return this.once(
      'timeZone',
      () => this.settings.get('timeZone') || this.ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone(),
    );
  }

  /** Values this execution read in a batch (values-batch.ts): later lookups of that sheet cost nothing. */
  prime(key: SheetKey, values: unknown[][]): void {
    this.memo[`values:${key}`] = values;
  }

  /** One getValues of a reference sheet; an absent sheet reads as empty (the parsers then use their defaults). */
  values(key: SheetKey): unknown[][] {
    return this.once(`values:${key}`, () => {
      const sheet = crmSheet(key, this.ss);
      return sheet ? (sheet.getDataRange().getValues() as unknown[][]) : [];
    });
  }

  get lists(): ReferenceLists {
    return this.once('lists', () => parseLists(this.values('lists')));
  }

  get staff(): StaffMember[] {
    return this.once('staff', () => parseStaff(this.values('staff')));
  }

  get labels(): LabelPeriod[] {
    return this.once('labels', () => parseLabels(this.values('labels')));
  }

  /** The Settings sheet with defaults applied (core/settings: the one list of keys, defaults and allowed values). */
  get settings(): OfficeSettings {
    return this.once('settings', () => officeSettings(this.values('settings')));
  }

  /** The office's chosen language (Settings → language), else the account's. */
  get locale(): Locale {
    return this.settings.locale;
  }

  /** Lower-case e-mail of the person running the script. */
  get actorEmail(): string {
    return this.once(
      'actor',
      () =>
        actingFor ??
        String(Session.getActiveUser().getEmail() ?? '')
          .trim()
          .toLowerCase(),
    );
  }

  /** The Staff row of the person acting, if they are on the staff. */
  get actor(): StaffMember | undefined {
    const email = this.actorEmail;
    return email ? this.staff.find((s) => s.email === email) : undefined;
  }

  /**
   * The office's shared account: the spreadsheet's owner, as setup kept it in the script properties (read once per
   * execution anyway), else asked (one call) and kept there for the next execution — the Gmail add-on's properties
   * are its own, so its first execution asks and every later one knows. Only when a decision needs it. Blank for a
   * spreadsheet in a shared drive, which has no owner: then nobody is the office account.
   */
  get ownerEmail(): string {
    return this.once('owner', () => {
      const kept = this.keptOwner;
      if (kept) return kept;
      const asked = String(this.ss.getOwner()?.getEmail() ?? '')
        .trim()
        .toLowerCase();
      if (asked) setAddonProperty(OWNER_PROPERTY, asked);
      return asked;
    });
  }

  /** The owner as the script properties keep it ('' when not kept yet): the execution's one properties read. */
  private get keptOwner(): string {
    return String(addonProperties()[OWNER_PROPERTY] ?? '')
      .trim()
      .toLowerCase();
  }

  /**
   * Who is acting and with which role (core/roles/identity.ts). `chosen` is the staff member a shared-account browser
   * says it is ("who am I"); it is ignored for anyone but the office account. The owner is the office account even
   * when the Staff sheet lists it (it may edit every sheet anyway); it is known from the script properties (asked once
   * per project, then kept), so the office account costs no Staff read — the Gmail card's cold path.
   */
  identity(chosen?: string): Identity {
    return this.once(`identity:${chosen ?? ''}`, () => {
      const actor = this.actorEmail;
      const owner = actor !== '' ? this.ownerEmail : '';
      if (actor !== '' && actor === owner && !chosen) return identify(actor, owner, [], undefined);
      return identify(actor, owner, this.staff, chosen);
    });
  }

  /** A manager's e-mail from the Staff sheet, by the name the Events sheet uses (or by the e-mail itself). */
  managerEmail(manager: string): string {
    if (!manager.trim()) return '';
    return staffMemberNamed(this.staff, manager)?.email ?? '';
  }
}
