// One kept night read back whole, for a restore: its manifest, the contacts of its json parts (in part order) and
// the CRM sheets' copy (the events rows of every sheets part after part 1's header). Only the json parts are read:
// they are the CRM's exact copy; vCard, CSV and xlsx are for people and other tools.

import { MANIFEST_NAME } from '../../core/backup/manifest';
import type { BackupContact, BackupManifest, SheetsCopy } from '../../core/backup/types';
import { existingRootFolder, folderFiles, listNights, readText } from './drive-folders';

export interface NightCopy {
  manifest: BackupManifest;
  contacts: BackupContact[];
  sheets: SheetsCopy;
}

/** Part files in part order, whatever order Drive lists them in. */
function byPart<T extends { name: string }>(files: T[], prefix: string): T[] {
  return files
    .filter((f) => f.name.startsWith(prefix) && f.name.endsWith('.json'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The night 'YYYY-MM-DD', or undefined when it is not kept or has no manifest. */
export function readNight(night: string): NightCopy | undefined {
  const root = existingRootFolder();
  if (!root) return undefined;
  const folder = listNights(root).find((n) => n.night === night);
  if (!folder) return undefined;
  const files = folderFiles(folder.id);
  const manifestFile = files.find((f) => f.name === MANIFEST_NAME);
  if (!manifestFile) return undefined;
  const manifest = JSON.parse(readText(manifestFile.id)) as BackupManifest;
  const contacts: BackupContact[] = [];
  for (const f of byPart(files, 'contacts-')) contacts.push(...(JSON.parse(readText(f.id)) as BackupContact[]));
  const sheets: SheetsCopy = { sheets: {}, timeZone: '' };
  for (const f of byPart(files, 'sheets-')) {
    const part = JSON.parse(readText(f.id)) as SheetsCopy;
    if (!sheets.timeZone) sheets.timeZone = part.timeZone;
    for (const [key, rows] of Object.entries(part.sheets ?? {})) (sheets.sheets[key] ??= []).push(...rows);
  }
  return { manifest, contacts, sheets };
}
