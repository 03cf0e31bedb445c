// One stored Inbox payload → the notices it holds, by provider (mango.ts, zadarma.ts). Pure: processing calls it for
// each new Inbox row; a payload that cannot be read comes back as a problem naming the field, never as an exception.
import type { PbxProvider } from '../../shared/pbx-dto';
import type { Locale } from '../i18n/locale';
import type { InboxPayload } from './inbox';
import { logText } from './log-messages';
import { readMango } from './mango';
import type { NoticeRead } from './notice';
import { readZadarma } from './zadarma';

export interface ReadOptions {
  /** The office's IANA zone: PBX times written without a zone (Zadarma's call_start) are wall-clock times there. */
  timeZone: string;
  /** The office's language for the problems (English when absent). */
  locale?: Locale;
}

export function readNotice(provider: PbxProvider, payload: InboxPayload, options: ReadOptions): NoticeRead {
  const locale = options.locale ?? 'en';
  if (!payload || typeof payload !== 'object') return { ok: false, problem: logText(locale, 'emptyRequest') };
  switch (provider) {
    case 'mango':
      return readMango(payload, locale);
    case 'zadarma':
      return readZadarma(payload, options);
    default:
      return { ok: false, problem: logText(locale, 'noReader', { provider: String(provider).slice(0, 20) }) };
  }
}
