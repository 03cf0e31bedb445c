// What a loaded Apps Script project offers the platform so it can run the project's triggers: the loader
// (loader/load-bundle.ts) registers one per project with the Workspace; sheets-user.ts runs handlers through it.

import type { ExecutionKind, ExecutionReport } from './execution';
import type { SpreadsheetAppEmulation } from './spreadsheet/service';
import type { ProjectId } from './workspace';

export interface InvokeResultLike {
  error?: Error;
  report: ExecutionReport;
}

export interface TriggerHost {
  project: ProjectId;
  /** The spreadsheet the project is bound to: its simple onEdit fires for that file only. */
  boundSpreadsheetId?: string;
  /** The project's own SpreadsheetApp (host side): event objects hand out its handles, so toasts land in its UI. */
  spreadsheetApp: SpreadsheetAppEmulation;
  hasFunction(name: string): boolean;
  /** Runs a global function as one execution of `kind`, with `args` copied into the script's realm. */
  invoke(name: string, args: unknown[], kind: ExecutionKind): InvokeResultLike;
}
