// CONTRACT (issue 15), implemented by the parsers' helper: a PBX call-log file (Asterisk Master.csv or a generic CSV
// mapped like the client import) → notices, each with its file line, plus what could not be read and every choice made.
import type { ImportCallsResult } from '../../shared/pbx-dto';
import type { CallNotice } from './notice';

export interface CallLogRead {
  format: 'asterisk' | 'csv';
  rows: number;
  notices: Array<{ line: number; notice: CallNotice }>;
  /** Rows that are not calls with an outside number (internal calls): counted, not turned into notices. */
  skipped: number;
  problems: ImportCallsResult['problems'];
  decisions: string[];
}

export function readCallLog(
  bytes: Uint8Array,
  fileName: string,
  options: { format?: 'asterisk' | 'csv'; timeZone: string; locale?: string },
): CallLogRead {
  void bytes;
  void fileName;
  void options;
  throw new Error('readCallLog: not built yet');
}
