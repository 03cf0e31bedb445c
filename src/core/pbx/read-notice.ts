// CONTRACT (issue 15), implemented by the parsers' helper: one stored Inbox payload → the notices it holds.
import type { PbxProvider } from '../../shared/pbx-dto';
import type { InboxPayload } from './inbox';
import type { NoticeRead } from './notice';

export interface ReadOptions {
  /** The office's IANA zone: PBX times written without a zone (Zadarma's call_start) are wall-clock times there. */
  timeZone: string;
}

export function readNotice(provider: PbxProvider, payload: InboxPayload, options: ReadOptions): NoticeRead {
  void provider;
  void payload;
  void options;
  throw new Error('readNotice: not built yet');
}
