// Backup, restore and journal as the sidebars and the CLI see them (the ServerApi methods in ./rpc.ts).

import type { ContactChange, NightStatus } from '../core/backup/types';

export interface BackupNightView {
  night: string;
  status: NightStatus;
  contacts: number;
  events: number;
  files: string[];
  /** Drive folder id and its link. */
  folderId: string;
  url: string;
  problems: string[];
  /** Kept because it is the first of its month (beyond the N nights). */
  monthly: boolean;
}

/** `crm backup` / the Backup sidebar's "Back up now". */
export interface BackupRunResult {
  night: string;
  contacts: number;
  events: number;
  files: string[];
  status: NightStatus | 'paused';
  /** Executions this backup has taken so far (a big base continues in a follow-up trigger). */
  executions: number;
  pruned: string[];
  problems: string[];
}

export interface RestoreInput {
  /** 'YYYY-MM-DD' of a kept night. */
  night: string;
  preview: boolean;
  /** Only these backed-up resourceNames (the guard's one-click restore); absent: all. */
  only?: string[];
}

export interface RestoreResult {
  night: string;
  preview: boolean;
  created: number;
  updated: number;
  unchanged: number;
  eventsRelinked: number;
  /** Events rows written back because they were missing. */
  eventsRestored: number;
  labelsCreated: string[];
  /** First few decisions, for the preview: client name, action, fields. */
  samples: Array<{ client: string; action: 'create' | 'update' | 'unchanged'; fields: string[] }>;
  /** Not finished in this execution: run again to continue (nothing is done twice). */
  paused: boolean;
  problems: string[];
}

/** One journalled change as the sidebar and `crm journal` show it: the change without its before/after values. */
export interface ChangeView extends Pick<
  ContactChange,
  'id' | 'at' | 'actor' | 'source' | 'action' | 'resourceName' | 'client' | 'fields'
> {
  /** Short before → after text per field, in the office's language, for the sidebar. */
  summary: string;
  /** Already reverted by a later change. */
  reverted: boolean;
  revertOf?: ContactChange['revertOf'];
}

export interface JournalQuery {
  /** A client's resourceName, or text matched in the client's name / field values; absent: latest changes. */
  query?: string;
  limit?: number;
}

export interface RevertResult {
  ok: boolean;
  /** The new change that undid it. */
  change?: ChangeView;
  /** Why not (the contact changed again since, already reverted, unknown id), in the office's language. */
  message?: string;
}
