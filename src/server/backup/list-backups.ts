// The kept nights as the Backup sidebar and `crm backups` show them: the root folder's night folders, each with its
// manifest's verdict (night-status.ts), its files (one listing of all the CRM's backup files: drive.file shows only
// those) and, for a failed night, the manifest's problems. A night without a manifest is the run under way, or one
// that never finished (failed).

import { monthlyOnly } from '../../core/backup/retention';
import { MANIFEST_NAME } from '../../core/backup/manifest';
import type { BackupManifest } from '../../core/backup/types';
import type { BackupNightView } from '../../shared/backup-dto';
import { OfficeContext } from '../events/office';
import { existingRootFolder, FOLDER_MIME, folderUrl, listAll, listNights, readText } from './drive-folders';
import { nightStatuses } from './night-status';
import { readState } from './nightly';

/** Newest first. */
export function listBackups(): BackupNightView[] {
  const root = existingRootFolder();
  if (!root) return [];
  const nights = listNights(root);
  if (!nights.length) return [];
  const verdicts = nightStatuses(nights);
  const byFolder = new Map<string, string[]>();
  const ids = new Set(nights.map((n) => n.id));
  for (const f of listAll(`mimeType != '${FOLDER_MIME}' and trashed = false`, 'id,name,parents')) {
    const parent = (f.parents ?? []).find((p) => ids.has(p));
    if (!parent) continue;
    const list = byFolder.get(parent) ?? [];
    list.push(String(f.name));
    byFolder.set(parent, list);
  }
  const state = readState();
  const entries = nights.map((n) => {
    const v = verdicts.get(n.id);
    const running = !v && state?.night === n.night && state.phase !== 'done';
    return { night: n.night, status: v ? v.status : running ? ('running' as const) : ('failed' as const) };
  });
  const today = nights[nights.length - 1].night;
  const monthly = monthlyOnly(entries, today, new OfficeContext().settings.get('backupKeepNights'));
  return nights
    .map((n, i): BackupNightView => {
      const v = verdicts.get(n.id);
      const status = entries[i].status;
      let problems: string[] = [];
      if (v && status === 'failed') {
        try {
          problems = (JSON.parse(readText(v.manifestId)) as BackupManifest).problems ?? [];
        } catch {
          problems = ['manifest.json: not readable'];
        }
      } else if (!v && status === 'failed') problems = [`${MANIFEST_NAME}: missing (the run did not finish)`];
      else if (status === 'running') problems = state?.night === n.night ? [...state.problems] : [];
      return {
        night: n.night,
        status,
        contacts: v?.contacts ?? (state?.night === n.night ? state.contacts : 0),
        events: v?.events ?? (state?.night === n.night ? state.events : 0),
        files: (byFolder.get(n.id) ?? []).sort(),
        folderId: n.id,
        url: folderUrl(n.id),
        problems,
        monthly: monthly.has(n.night),
      };
    })
    .reverse();
}
