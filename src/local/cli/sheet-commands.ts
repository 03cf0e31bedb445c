// sheet / settings: the CRM spreadsheet for scripts and checks, read and changed through the built bundle (the
// same server functions the sidebars call), so what they print is what the product itself reads.

import { checkSettingChanges, SettingEntry, SettingRefusal } from '../../core/settings/read';
import { invokeEntryPoint } from '../gas/server-rpc';
import type { SheetContents } from '../../server/sheets/sheet-contents';
import type { Office } from '../office';
import { ParsedArgs, Refusal, UsageError } from './args';

/** `crm sheet TITLE`: any CRM sheet, hidden ones included, by its title in any language or its key. */
export function sheetCommand(office: Office, args: ParsedArgs) {
  const title = args.positional[0];
  if (!title) throw new UsageError('Which sheet? e.g. npm run crm -- sheet Events --json');
  const run = invokeEntryPoint(office.sheet, 'sheetContents_', [title]);
  if (run.error) throw run.error;
  const contents = run.result as SheetContents;
  if (!contents.found) throw new Refusal(`No CRM sheet "${title}". The CRM sheets: ${contents.titles.join(', ')}`);
  const { found: _found, ...sheet } = contents;
  return sheet;
}

/** KEY=VALUE → the pair; an empty VALUE puts the setting back to its default. */
function changesOf(sets: string[]): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const set of sets) {
    const at = set.indexOf('=');
    if (at <= 0) throw new UsageError(`--set ${set}: write KEY=VALUE, e.g. --set defaultCountry=GE`);
    changes[set.slice(0, at).trim()] = set.slice(at + 1);
  }
  return changes;
}

/** Each refusal with what is allowed, unless its message already says it in the same words. */
function refusalText(refusals: SettingRefusal[]): string {
  return refusals
    .map((r) => (r.message.includes(r.allowed) ? r.message : `${r.message} Allowed: ${r.allowed}`))
    .join('\n');
}

function byKey(entries: SettingEntry[]) {
  return Object.fromEntries(entries.map(({ key, ...entry }) => [key, entry]));
}

/**
 * `crm settings [--set KEY=VALUE]...`: every setting with its value and default. Changes are checked by the rules the
 * server applies (core/settings) before anything is sent: one refused change writes nothing.
 */
export function settingsCommand(office: Office, args: ParsedArgs) {
  const changes = changesOf(args.lists.set ?? []);
  if (Object.keys(changes).length === 0) return byKey(office.rpc.getSettingsView().settings);
  const checked = checkSettingChanges(changes, 'en');
  if (!checked.ok) throw new Refusal(refusalText(checked.refusals));
  const saved = office.rpc.saveSettings(checked.texts);
  if (!saved.ok) throw new Refusal(saved.errors.map((e) => `${e.field}: ${e.message}`).join('\n'));
  return byKey(saved.view.settings);
}
