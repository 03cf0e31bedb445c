// The Import / Export sidebar. Import: the file is read and cleaned here in the browser (the same core code as the
// CLI), the user checks the column mapping and the preview, then the server writes to Google Contacts in batches
// while a progress bar moves; the result can be undone. Export: the server hands over pages of contacts and the file
// is written here, then downloaded.

import type { Locale } from '../../../core/i18n/locale';
import { EXPORT_FILE, ExportFormat } from '../../../core/export';
import { cutMessages } from '../../../core/export/cut-message';
import { exportFile } from '../../../core/export/export-file';
import {
  cleanImportFile,
  openImportFile,
  OpenedFile,
  rememberedMapping,
  withImportLabel,
} from '../../../core/import/pipeline';
import { guessReason } from '../../../core/import/mapping/guess-messages';
import { runUntilDoneSteps, stageSteps } from '../../../core/import/execute/stage';
import type { Mapping } from '../../../core/import/mapping';
import type { ContactField, ImportProblem, NormalizedContact } from '../../../core/import/types';
import { formatPhone } from '../../../core/phone';
import { runStepsAsync } from '../../../core/ports/steps';
import type { ImportPreview, ImportProgress, ImportSetup, PlanMerge, UndoResult } from '../../../shared/import-dto';
import { byId, element, fillTexts, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { allows, loadAccess } from '../../lib/access';
import { accessText, roleName } from '../../../core/roles/access-text';
import { t } from '../../../core/i18n/messages';
import { showStatus } from '../../lib/status';
import { FIELD_NAMES, importText, personFieldName } from './strings';

const FIELDS = Object.keys(FIELD_NAMES.en) as ContactField[];

let locale: Locale = 'en';
let setup: ImportSetup | undefined;
let opened: OpenedFile | undefined;
let mapping: Mapping | null = null;
let importId = '';
/** What the finished import wrote, for Undo's question. */
let written = { created: 0, updated: 0 };

const status = showStatus;

/**
 * A message where the user is looking: in the note under the button just pressed (`noteId`), scrolled into view —
 * a long preview would otherwise push the sidebar's status line out of sight.
 */
function note(noteId: string, text: string, kind: 'ok' | 'error' | 'muted' = 'muted'): void {
  const el = byId(noteId);
  el.hidden = !text;
  el.className = `note ${kind}`;
  el.textContent = text;
  if (text) el.scrollIntoView({ block: 'nearest' });
}

function errorMessage(e: unknown): string {
  return importText(locale, 'error', { message: e instanceof Error ? e.message : String(e) });
}

function fail(e: unknown, noteId?: string): void {
  if (noteId) note(noteId, errorMessage(e), 'error');
  else status(errorMessage(e), 'error');
}

/** Element id → the words it shows. */
const TEXTS = {
  title: 'title',
  'import-heading': 'importHeading',
  'file-hint': 'fileHint',
  'encoding-label': 'encoding',
  'encoding-auto': 'auto',
  'mapping-heading': 'mapping',
  'import-label-label': 'importLabel',
  preview: 'preview',
  import: 'import',
  undo: 'undo',
  'undo-yes': 'undoYes',
  'undo-no': 'undoNo',
  'export-heading': 'exportHeading',
  'format-label': 'format',
  'label-label': 'label',
  export: 'download',
} as const;

function texts(): void {
  fillTexts(TEXTS, (key) => importText(locale, key));
  byId<HTMLInputElement>('import-label').placeholder = importText(locale, 'importLabelHint');
}

/** The office's labels: the export's choice, and the import label's suggestions (a new name may be typed too). */
function renderLabels(labels: string[]): void {
  replaceChildren(
    byId('label'),
    element('option', { value: '' }, importText(locale, 'allLabels')),
    ...labels.map((l) => element('option', { value: l }, l)),
  );
  replaceChildren(byId('import-labels'), ...labels.map((l) => element('option', { value: l })));
}

function resetAfterFile(): void {
  for (const id of [
    'preview-result',
    'preview-note',
    'import',
    'progress-box',
    'import-result',
    'undo',
    'undo-confirm',
    'undo-note',
  ])
    byId(id).hidden = true;
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
    // Under the file input, where the user just picked the file.
    note(
      'file-info',
      importText(locale, 'readError', { file: file.name, message: e instanceof Error ? e.message : String(e) }),
      'error',
    );
    return;
  }
  setup = await rpc.getImportSetup(opened.fingerprint);
  locale = setup.locale;
  mapping = rememberedMapping(setup.mapping as Mapping | null) ?? opened.proposed;
  const rows = opened.table ? opened.table.rows.length : (opened.drafts?.length ?? 0);
  const info = byId('file-info');
  info.className = 'muted';
  info.hidden = false;
  info.textContent = [
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

/** "+79123456789, anna@example.com" with each phone written the way people read it. */
function shownValue(value: string): string {
  return value
    .split(', ')
    .map((v) => (v.startsWith('+') ? formatPhone(v, '') : v))
    .join(', ');
}

/** "rows 4 and 6 are one client: same phone +7 912 345 67 89", as text (the values come from the file). */
function mergeText(m: PlanMerge): string {
  const rows = importText(locale, 'mergeRows', {
    list: m.rows.slice(0, -1).join(', '),
    last: m.rows[m.rows.length - 1],
  });
  const reason =
    m.reason === 'contact'
      ? importText(locale, 'sameContact')
      : importText(locale, m.reason === 'phone' ? 'samePhone' : m.reason === 'email' ? 'sameEmail' : 'sameBoth', {
          value: shownValue(m.value),
        });
  return `${rows}: ${reason}`;
}

function mergeList(merges: PlanMerge[]): HTMLElement | null {
  if (!merges.length) return null;
  return element(
    'div',
    { 'data-count': 'merges' },
    element('div', {}, importText(locale, 'merges')),
    element(
      'ul',
      { class: 'problems merges' },
      ...merges.map((m) => element('li', { 'data-rows': m.rows.join(',') }, mergeText(m))),
    ),
  );
}

function renderPreview(preview: ImportPreview, problems: ImportProblem[], decisions: string[]): void {
  // Google's field names (`birthdays`) in the office's words ("День рождения").
  const conflicts = preview.updates.flatMap((u) =>
    (u.conflicts ?? []).map((c) => ({
      row: u.rows[0],
      column: personFieldName(locale, c.field),
      value: c.incoming,
      message: c.existing,
    })),
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
    mergeList(preview.merges ?? []),
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
  resetAfterFile();
  note('preview-note', importText(locale, 'previewing'));
  try {
    importId = `imp-${Date.now().toString(36)}`;
    const cleaned = cleanImportFile(opened, mapping, { defaultCountry: setup.defaultCountry, locale, importId });
    // The label for the whole import rides on every contact, as the CLI's --label does.
    const contacts = withImportLabel(cleaned.contacts, byId<HTMLInputElement>('import-label').value);
    await stage(contacts, cleaned.problems);
    const result = await rpc.previewImport(importId);
    note('preview-note', '');
    renderPreview(result, cleaned.problems, cleaned.warnings);
  } catch (e) {
    fail(e, 'preview-note');
  } finally {
    button.disabled = false;
  }
}

async function stage(contacts: NormalizedContact[], problems: ImportProblem[]): Promise<void> {
  const { fileName, fingerprint } = opened!;
  const remembered = setup?.mapping ?? null;
  await runStepsAsync(stageSteps({ importId, fileName, contacts, problems, fingerprint, mapping, remembered }), {
    server: rpc,
  });
}

/** The bar and "3 of 12 batches" beside it, from the first answer (each runImport call returns after a batch or a
 *  few, so the bar moves while the import runs). */
function showProgress(p: ImportProgress): void {
  const bar = byId<HTMLProgressElement>('progress');
  bar.max = Math.max(1, p.batchesTotal);
  bar.value = p.batchesDone;
  byId('progress-text').textContent = importText(locale, 'importing', { done: p.batchesDone, total: p.batchesTotal });
}

async function runImport(): Promise<void> {
  const button = byId<HTMLButtonElement>('import');
  button.disabled = true;
  const box = byId('progress-box');
  box.hidden = false;
  // Until the first answer the bar has no value: an indeterminate bar, not a bar stuck at 0.
  byId<HTMLProgressElement>('progress').removeAttribute('value');
  byId('progress-text').textContent = importText(locale, 'importStarting');
  box.scrollIntoView({ block: 'nearest' });
  const result = byId('import-result');
  result.hidden = true;
  try {
    // A long import stops before Apps Script's 6-minute limit and carries on in the next call, from its journal.
    const progress = await runStepsAsync(runUntilDoneSteps(importId, showProgress), { server: rpc });
    result.textContent = progress.status === 'done' ? importText(locale, 'done', progress) : progress.message;
    result.className = progress.status === 'done' ? 'ok' : 'error';
    written = { created: progress.created, updated: progress.updated };
    byId('undo').hidden = progress.status !== 'done' || progress.created + progress.updated === 0;
    // A pause on People's quota is resumed with the same button, later.
    button.hidden = progress.status !== 'paused';
  } catch (e) {
    result.textContent = errorMessage(e);
    result.className = 'error';
  } finally {
    result.hidden = false;
    result.scrollIntoView({ block: 'nearest' });
    button.disabled = false;
  }
}

/** Undo asks first, with what it will do: how many contacts go and how many are put back. */
function askUndo(): void {
  const { created, updated } = written;
  const key = created && updated ? 'undoAsk' : created ? 'undoAskCreated' : 'undoAskUpdated';
  byId('undo-question').textContent = importText(locale, key, { created, updated });
  byId('undo').hidden = true;
  const box = byId('undo-confirm');
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

/** An undo warning in the office's words (the core's own text names resourceNames and Google's field names). */
function undoWarning(w: NonNullable<UndoResult['details']>[number]): string {
  if (w.reason === 'gone') return importText(locale, 'undoGone');
  if (!w.fields?.length) return importText(locale, 'undoEditedCreated');
  return importText(locale, 'undoEdited', { fields: w.fields.map((f) => personFieldName(locale, f)).join(', ') });
}

async function undo(): Promise<void> {
  const yes = byId<HTMLButtonElement>('undo-yes');
  yes.disabled = true;
  try {
    const result = await rpc.undoImport(importId);
    byId('undo-confirm').hidden = true;
    const warnings = result.details ? result.details.map(undoWarning) : result.warnings;
    note('undo-note', [importText(locale, 'undone', result), ...warnings].join('\n'), 'ok');
  } catch (e) {
    fail(e, 'undo-note');
  } finally {
    yes.disabled = false;
  }
}

function cancelUndo(): void {
  byId('undo-confirm').hidden = true;
  byId('undo').hidden = false;
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
    const { content, cut } = exportFile(format, contacts, locale);
    const base = label ? `clients-${label}` : 'clients';
    download(`${base}.${EXPORT_FILE[format].extension}`, EXPORT_FILE[format].mime, content);
    // Cells Excel could not hold whole are said after the download, with their rows, beside the button.
    const lines = [importText(locale, 'exported', { n: contacts.length }), ...cutMessages(cut, locale)];
    note('export-note', lines.join('\n'), cut.length ? 'error' : 'ok');
  } catch (e) {
    fail(e, 'export-note');
  } finally {
    button.disabled = false;
  }
}

byId('file').addEventListener('change', () => void readFile());
byId('encoding').addEventListener('change', () => void readFile());
// The label is staged with the contacts at preview: a new label needs a new preview before importing.
byId('import-label').addEventListener('input', resetAfterFile);
byId('preview').addEventListener('click', () => void preview());
byId('import').addEventListener('click', () => void runImport());
byId('undo').addEventListener('click', askUndo);
byId('undo-yes').addEventListener('click', () => void undo());
byId('undo-no').addEventListener('click', cancelUndo);
byId('export').addEventListener('click', () => void exportContacts());

/** Import, export and undoing an import are for the roles with `import`: anyone else is told so, and sees neither. */
function applyAccess(view: Awaited<ReturnType<typeof loadAccess>>): boolean {
  const allowed = allows('import', view);
  byId('import-section').hidden = !allowed;
  byId('export-section').hidden = !allowed;
  const note = byId('no-access');
  note.hidden = allowed;
  note.textContent = accessText(locale, 'refused', {
    item: t(locale, 'menuImportExport'),
    role: roleName(locale, view.role),
  });
  document.body.setAttribute('data-role', view.role);
  return allowed;
}

void (async () => {
  try {
    const [access, first] = await Promise.all([loadAccess(), rpc.getImportSetup('').catch((e: Error) => e)]);
    if (!(first instanceof Error)) locale = first.locale;
    if (!applyAccess(access)) return;
    if (first instanceof Error) throw first;
    setup = first;
    texts();
    renderLabels(await rpc.listLabels());
  } catch (e) {
    texts();
    fail(e);
  }
})();
