// The Import / Export sidebar. Import: the file is read and cleaned here in the browser (the same core code as the
// CLI), the user checks the column mapping and the preview, then the server writes to Google Contacts in batches
// while a progress bar moves; the result can be undone. Export: the server hands over pages of contacts and the file
// is written here, then downloaded.

import type { Locale } from '../../../core/i18n/locale';
import { EXPORT_FILE, ExportFormat } from '../../../core/export';
import { exportFile } from '../../../core/export/export-file';
import { cleanImportFile, openImportFile, OpenedFile, rememberedMapping } from '../../../core/import/pipeline';
import { guessReason } from '../../../core/import/mapping/guess-messages';
import { runUntilDoneSteps, stageSteps } from '../../../core/import/execute/stage';
import type { Mapping } from '../../../core/import/mapping';
import type { ContactField, ImportProblem, NormalizedContact } from '../../../core/import/types';
import { runStepsAsync } from '../../../core/ports/steps';
import type { ImportPreview, ImportProgress, ImportSetup } from '../../../shared/import-dto';
import { byId, element, fillTexts, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { showStatus } from '../../lib/status';
import { FIELD_NAMES, importText } from './strings';

const FIELDS = Object.keys(FIELD_NAMES.en) as ContactField[];

let locale: Locale = 'en';
let setup: ImportSetup | undefined;
let opened: OpenedFile | undefined;
let mapping: Mapping | null = null;
let importId = '';

const status = showStatus;

function fail(e: unknown): void {
  status(importText(locale, 'error', { message: e instanceof Error ? e.message : String(e) }), 'error');
}

/** Element id → the words it shows. */
const TEXTS = {
  title: 'title',
  'import-heading': 'importHeading',
  'file-hint': 'fileHint',
  'encoding-label': 'encoding',
  'encoding-auto': 'auto',
  'mapping-heading': 'mapping',
  preview: 'preview',
  import: 'import',
  undo: 'undo',
  'export-heading': 'exportHeading',
  'format-label': 'format',
  'label-label': 'label',
  export: 'download',
} as const;

function texts(): void {
  fillTexts(TEXTS, (key) => importText(locale, key));
}

function renderLabels(labels: string[]): void {
  replaceChildren(
    byId('label'),
    element('option', { value: '' }, importText(locale, 'allLabels')),
    ...labels.map((l) => element('option', { value: l }, l)),
  );
}

function resetAfterFile(): void {
  for (const id of ['preview-result', 'import', 'progress', 'import-result', 'undo']) byId(id).hidden = true;
}

function renderMapping(): void {
  const box = byId('mapping');
  if (!opened?.table || !mapping) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  byId('mapping-note').textContent = setup?.mapping ? importText(locale, 'mappingRemembered') : '';
  const rows = mapping.columns.map((column, i) => {
    // Why a column was read by its content ("9 of 10 values are phone numbers"): beside it, as text, never as HTML.
    const reason = element(
      'div',
      { class: 'muted reason', 'data-reason': column.header },
      column.source === 'content' && column.guess ? guessReason(locale, column.guess) : '',
    );
    const select = element(
      'select',
      {
        'data-column': column.header,
        change: (e: Event) => {
          const field = (e.target as HTMLSelectElement).value as ContactField;
          // The user's choice: the guess and its reason no longer apply to this column.
          const { guess: _guess, ...rest } = column;
          mapping!.columns[i] = {
            ...rest,
            field,
            key: field === 'custom' ? column.key || column.header : column.key,
            source: 'user',
          };
          reason.textContent = '';
          resetAfterFile();
        },
      },
      ...FIELDS.map((f) => element('option', { value: f }, FIELD_NAMES[locale][f])),
    );
    select.value = column.field;
    return element(
      'tr',
      {},
      element('td', { class: 'header' }, column.header || `#${column.index + 1}`),
      element('td', {}, select, reason),
    );
  });
  replaceChildren(byId('mapping-table'), ...rows);
}

async function readFile(): Promise<void> {
  const input = byId<HTMLInputElement>('file');
  const file = input.files?.[0];
  resetAfterFile();
  if (!file) return;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const encoding = byId<HTMLSelectElement>('encoding').value || undefined;
    // The office's language names a header-less file's columns; its country lets national phone numbers be told.
    opened = openImportFile(bytes, file.name, { encoding, locale, defaultCountry: setup?.defaultCountry });
  } catch (e) {
    opened = undefined;
    byId<HTMLButtonElement>('preview').disabled = true;
    status(
      importText(locale, 'readError', { file: file.name, message: e instanceof Error ? e.message : String(e) }),
      'error',
    );
    return;
  }
  setup = await rpc.getImportSetup(opened.fingerprint);
  locale = setup.locale;
  mapping = rememberedMapping(setup.mapping as Mapping | null) ?? opened.proposed;
  const rows = opened.table ? opened.table.rows.length : (opened.drafts?.length ?? 0);
  byId('file-info').textContent = [
    importText(locale, 'fileInfo', {
      format: opened.format,
      encoding: opened.encoding,
      rows,
      header: opened.table?.headerRowNumber || '—',
    }),
    ...opened.warnings,
  ].join('\n');
  renderMapping();
  byId<HTMLButtonElement>('preview').disabled = false;
  status('');
}

function problemList(problems: ImportProblem[], className = 'problems'): HTMLElement {
  return element(
    'ul',
    { class: className },
    ...problems
      .slice(0, 300)
      .map((p) =>
        element(
          'li',
          { 'data-row': String(p.row), 'data-column': p.column },
          element('span', { class: 'where' }, `${importText(locale, 'row', { row: p.row })}, ${p.column}: `),
          `«${p.value}» — ${p.message}`,
        ),
      ),
  );
}

function renderPreview(preview: ImportPreview, problems: ImportProblem[], decisions: string[]): void {
  const conflicts = preview.updates.flatMap((u) =>
    (u.conflicts ?? []).map((c) => ({ row: u.rows[0], column: c.field, value: c.incoming, message: c.existing })),
  );
  const account = preview.account;
  const box = byId('preview-result');
  box.hidden = false;
  replaceChildren(
    box,
    element(
      'div',
      { class: 'counts' },
      element('div', { 'data-count': 'created' }, importText(locale, 'willCreate', { n: preview.counts.created })),
      element('div', { 'data-count': 'updated' }, importText(locale, 'willUpdate', { n: preview.counts.updated })),
      element('div', { 'data-count': 'skipped' }, importText(locale, 'willSkip', { n: preview.counts.skipped })),
      element(
        'div',
        { 'data-count': 'duplicates' },
        importText(locale, 'duplicates', { n: preview.counts.duplicates }),
      ),
      preview.labelsToCreate.length
        ? element('div', {}, importText(locale, 'newLabels', { labels: preview.labelsToCreate.join(', ') }))
        : null,
      element(
        'div',
        { 'data-count': 'account', class: account.fits ? 'muted' : 'error' },
        importText(locale, 'account', { ...account, after: account.contacts + account.adding }),
      ),
      account.fits
        ? null
        : element(
            'div',
            { class: 'error', 'data-count': 'account-full' },
            importText(locale, 'accountFull', { ...account, over: account.contacts + account.adding - account.limit }),
          ),
      element(
        'div',
        { 'data-count': 'problems', class: problems.length ? 'error' : '' },
        importText(locale, 'problems', { n: problems.length }),
      ),
    ),
    // Decisions taken while cleaning (the order each name column is read in), already in the office's language.
    decisions.length
      ? element('ul', { class: 'muted', 'data-count': 'decisions' }, ...decisions.map((d) => element('li', {}, d)))
      : null,
    problems.length ? problemList(problems) : null,
    conflicts.length ? element('div', {}, importText(locale, 'conflicts')) : null,
    conflicts.length ? problemList(conflicts, 'problems conflicts') : null,
  );
  // An import past the account's limit would be refused by the server anyway: no button to press.
  byId('import').hidden = preview.counts.created + preview.counts.updated === 0 || !account.fits;
}

async function preview(): Promise<void> {
  if (!opened || !setup) return;
  const button = byId<HTMLButtonElement>('preview');
  button.disabled = true;
  status(importText(locale, 'previewing'));
  try {
    importId = `imp-${Date.now().toString(36)}`;
    const cleaned = cleanImportFile(opened, mapping, { defaultCountry: setup.defaultCountry, locale, importId });
    await stage(cleaned.contacts, cleaned.problems);
    const result = await rpc.previewImport(importId);
    renderPreview(result, cleaned.problems, cleaned.warnings);
    status('');
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
  }
}

async function stage(contacts: NormalizedContact[], problems: ImportProblem[]): Promise<void> {
  const { fileName, fingerprint } = opened!;
  await runStepsAsync(stageSteps({ importId, fileName, contacts, problems, fingerprint, mapping }), { server: rpc });
}

function showProgress(p: ImportProgress): void {
  const bar = byId<HTMLProgressElement>('progress');
  bar.hidden = false;
  bar.max = Math.max(1, p.batchesTotal);
  bar.value = p.batchesDone;
  status(importText(locale, 'importing', { done: p.batchesDone, total: p.batchesTotal }));
}

async function runImport(): Promise<void> {
  const button = byId<HTMLButtonElement>('import');
  button.disabled = true;
  try {
    // A long import stops before Apps Script's 6-minute limit and carries on in the next call, from its journal.
    const progress = await runStepsAsync(runUntilDoneSteps(importId, showProgress), { server: rpc });
    const result = byId('import-result');
    result.hidden = false;
    result.textContent = progress.status === 'done' ? importText(locale, 'done', progress) : progress.message;
    result.className = progress.status === 'done' ? 'ok' : 'error';
    byId('undo').hidden = progress.status !== 'done' || progress.created + progress.updated === 0;
    // A pause on People's quota is resumed with the same button, later.
    button.hidden = progress.status !== 'paused';
    status('');
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
  }
}

async function undo(): Promise<void> {
  const button = byId<HTMLButtonElement>('undo');
  button.disabled = true;
  try {
    const result = await rpc.undoImport(importId);
    status([importText(locale, 'undone', result), ...result.warnings].join('\n'), 'ok');
    button.hidden = true;
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
  }
}

function download(name: string, mime: string, content: string | Uint8Array): void {
  const blob = new Blob([content as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = element('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function exportContacts(): Promise<void> {
  const button = byId<HTMLButtonElement>('export');
  button.disabled = true;
  try {
    const format = byId<HTMLSelectElement>('format').value as ExportFormat;
    const label = byId<HTMLSelectElement>('label').value || undefined;
    const contacts: Array<{ person: NormalizedContact['person']; labels: string[] }> = [];
    let pageToken: string | undefined;
    do {
      const page = await rpc.exportContacts({ label, pageToken });
      contacts.push(...page.contacts);
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    const content = exportFile(format, contacts, locale);
    const base = label ? `clients-${label}` : 'clients';
    download(`${base}.${EXPORT_FILE[format].extension}`, EXPORT_FILE[format].mime, content);
    status(importText(locale, 'exported', { n: contacts.length }), 'ok');
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
  }
}

byId('file').addEventListener('change', () => void readFile());
byId('encoding').addEventListener('change', () => void readFile());
byId('preview').addEventListener('click', () => void preview());
byId('import').addEventListener('click', () => void runImport());
byId('undo').addEventListener('click', () => void undo());
byId('export').addEventListener('click', () => void exportContacts());

void (async () => {
  try {
    setup = await rpc.getImportSetup('');
    locale = setup.locale;
    texts();
    renderLabels(await rpc.listLabels());
  } catch (e) {
    texts();
    fail(e);
  }
})();
