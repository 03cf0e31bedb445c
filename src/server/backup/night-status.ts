// Each night folder's verdict without opening every manifest: the manifests' own metadata (appProperties written
// with them: status and counts), all of them in one Drive listing (drive.file shows only the CRM's own files). A
// manifest without that metadata (written by hand, or by an older version) is read.

import { MANIFEST_NAME } from '../../core/backup/manifest';
import type { BackupManifest, NightStatus } from '../../core/backup/types';
import { listAll, readText, type NightFolder } from './drive-folders';

export interface NightVerdict {
  status: NightStatus;
  contacts: number;
  events: number;
  manifestId: string;
}

/** Folder id → its manifest's verdict; folders without a manifest are absent. */
export function nightStatuses(nights: NightFolder[]): Map<string, NightVerdict> {
  const out = new Map<string, NightVerdict>();
  if (!nights.length) return out;
  const ids = new Set(nights.map((n) => n.id));
  for (const f of listAll(`name = '${MANIFEST_NAME}' and trashed = false`, 'id,parents,appProperties')) {
    const parent = (f.parents ?? []).find((p) => ids.has(p));
    if (!parent) continue;
    const props = (f.appProperties ?? {}) as Record<string, string>;
    let verdict: NightVerdict;
    if (props.status === 'verified' || props.status === 'failed')
      verdict = {
        status: props.status,
        contacts: Number(props.contacts) || 0,
        events: Number(props.events) || 0,
        manifestId: String(f.id),
      };
    else {
      try {
        const m = JSON.parse(readText(String(f.id))) as BackupManifest;
        verdict = {
          status: m.status === 'verified' ? 'verified' : 'failed',
          contacts: m.counts?.contacts ?? 0,
          events: m.counts?.events ?? 0,
          manifestId: String(f.id),
        };
      } catch {
        verdict = { status: 'failed', contacts: 0, events: 0, manifestId: String(f.id) };
      }
    }
    out.set(parent, verdict);
  }
  return out;
}
