// All templates, in the order setup creates the sheets (reference lists before the sheets whose dropdowns use them).

import cardIndex from '../../../sheets-templates/card-index.json';
import events from '../../../sheets-templates/events.json';
import importLog from '../../../sheets-templates/import-log.json';
import imports from '../../../sheets-templates/imports.json';
import importStaging from '../../../sheets-templates/import-staging.json';
import journal from '../../../sheets-templates/journal.json';
import inbox from '../../../sheets-templates/inbox.json';
import callbacks from '../../../sheets-templates/callbacks.json';
import callers from '../../../sheets-templates/callers.json';
import labels from '../../../sheets-templates/labels.json';
import lists from '../../../sheets-templates/lists.json';
import openEvents from '../../../sheets-templates/open-events.json';
import settings from '../../../sheets-templates/settings.json';
import staff from '../../../sheets-templates/staff.json';
import mailings from '../../../sheets-templates/mailings.json';
import { SheetTemplate } from './template';

export type SheetKey =
  | 'events'
  | 'lists'
  | 'labels'
  | 'staff'
  | 'settings'
  | 'imports'
  | 'importLog'
  | 'importStaging'
  | 'cardIndex'
  | 'openEvents'
  | 'journal'
  | 'inbox'
  | 'callbacks'
  | 'callers'
  | 'mailings';

export const TEMPLATES: readonly SheetTemplate[] = [
  lists,
  labels,
  staff,
  settings,
  events,
  imports,
  importLog,
  importStaging,
  cardIndex,
  openEvents,
  journal,
  callbacks,
  callers,
  inbox,
  mailings,
] as SheetTemplate[];

export function template(key: SheetKey): SheetTemplate {
  const found = TEMPLATES.find((t) => t.key === key);
  if (!found) throw new Error(`No sheet template "${key}"`);
  return found;
}
