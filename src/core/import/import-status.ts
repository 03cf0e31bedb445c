// The Imports sheet's status column in the office's language ("готово", "приостановлен"…), read back as the
// machine status the code decides on (runImport refuses a done import, staging keeps a paused one's rows). Like the
// event statuses (core/events/status.ts): written in one language, read in any of the three or as the key itself.

import type { ImportStatus } from '../../shared/import-dto';
import { LOCALES, type Locale } from '../i18n/locale';
import type { SheetTemplate } from '../sheets/template';
import { headerKey } from '../sheets/template';

const STATUSES: readonly ImportStatus[] = ['staged', 'running', 'paused', 'done', 'failed', 'undone'];

const WORDS: Record<Locale, Record<ImportStatus, string>> = {
  en: {
    staged: 'checked',
    running: 'in progress',
    paused: 'paused',
    done: 'done',
    failed: 'failed',
    undone: 'undone',
  },
  ru: {
    staged: 'проверен',
    running: 'идёт',
    paused: 'приостановлен',
    done: 'готово',
    failed: 'ошибка',
    undone: 'отменён',
  },
  ka: {
    staged: 'შემოწმებული',
    running: 'მიმდინარეობს',
    paused: 'შეჩერებული',
    done: 'დასრულებული',
    failed: 'შეცდომა',
    undone: 'გაუქმებული',
  },
};

export function importStatusWord(status: ImportStatus, locale: Locale): string {
  return WORDS[locale][status];
}

/** The status a cell holds, in any of our languages or as the key (rows written before the words were); undefined
 *  for anything else (someone typed over it). */
export function parseImportStatus(text: unknown): ImportStatus | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  return STATUSES.find((s) => headerKey(s) === key || LOCALES.some((l) => headerKey(WORDS[l][s]) === key));
}

/**
 * The language a sheet's header row is written in (the one whose column titles it matches most), so a status is
 * written in the words the office already reads on that sheet — without a Settings read for the language.
 */
export function headerLanguage(template: SheetTemplate, header: readonly unknown[]): Locale | undefined {
  const keys = new Set(header.map(headerKey).filter(Boolean));
  let best: Locale | undefined;
  let bestCount = 0;
  for (const l of LOCALES) {
    const count = template.columns.filter((c) => keys.has(headerKey(c.title[l]))).length;
    if (count > bestCount) [best, bestCount] = [l, count];
  }
  return best;
}
