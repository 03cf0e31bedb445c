// The office's reference lists for the card's forms (kinds, reasons, staff) read from the CRM spreadsheet. They change
// rarely, and opening a form must feel instant, so the add-on keeps them in its script cache for a few minutes: one
// cache read on the warm path instead of opening the spreadsheet and reading three sheets.

import { parseLists, parseStaff, ReferenceLists, StaffMember } from '../../core/events/lists';
import { SheetKey, template } from '../../core/sheets/templates';
import { scriptCache } from '../card-index/script-cache';
import { crmSpreadsheet, pickSheet, rememberedSheetIds } from '../sheets/crm-spreadsheet';

export interface FormLists {
  kinds: string[];
  reasons: string[];
  staff: Array<Pick<StaffMember, 'name' | 'email'>>;
}

const CACHE_KEY = 'crm.gmail.lists';
const CACHE_SECONDS = 300;

function readValues(
  key: SheetKey,
  sheets: GoogleAppsScript.Spreadsheet.Sheet[],
  ids: () => Record<string, number>,
): unknown[][] {
  const tpl = template(key);
  const sheet = pickSheet(sheets, tpl, {}) ?? pickSheet(sheets, tpl, ids());
  return sheet ? sheet.getDataRange().getValues() : [];
}

function readFromSheets(): FormLists {
  const sheets = crmSpreadsheet().getSheets();
  let remembered: Record<string, number> | undefined;
  const ids = () => (remembered ??= rememberedSheetIds());
  const lists: ReferenceLists = parseLists(readValues('lists', sheets, ids));
  const staff = parseStaff(readValues('staff', sheets, ids)).map((s) => ({ name: s.name, email: s.email }));
  return { kinds: lists.kinds, reasons: lists.reasons, staff };
}

export function formLists(): FormLists {
  // Through scriptCache(): the office's language rides in the same request (office-language.ts).
  const cache = scriptCache();
  const hit = cache.getAll([CACHE_KEY])[CACHE_KEY];
  if (hit) {
    try {
      return JSON.parse(hit) as FormLists;
    } catch {
      // A damaged entry is read again from the sheets below.
    }
  }
  const lists = readFromSheets();
  cache.putAll({ [CACHE_KEY]: JSON.stringify(lists) }, CACHE_SECONDS);
  return lists;
}

const EMAIL_KIND = /^(?:e-?mail|email|письмо|почта|эл\.? ?почта|ელ-?ფოსტა|წერილი)$/i;

/** The office's word for an e-mail among its kinds (the Lists sheet may call it anything; these are our defaults). */
export function emailKind(kinds: string[]): string {
  return kinds.find((k) => EMAIL_KIND.test(k.trim())) ?? kinds.find((k) => /mail|почт|ფოსტ/i.test(k)) ?? 'E-mail';
}
