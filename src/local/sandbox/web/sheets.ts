// The sandbox's "Google Sheets": the CRM spreadsheet's tabs and rows, the CRM menu built by the bundle's onOpen, and
// the real built sidebar in a 300-px iframe at the side, as Sheets shows it.

import { columnLetters } from 'workspace-emulator';
import { renderCharts } from './charts';
import { element, getJson, postJson, toast } from './dom';
import type { CellEditResponse, MenuView, RunResponse, SpreadsheetView, UiView } from './types';

const app = document.getElementById('app') as HTMLElement;
let activeSheet = -1;
/** The menu a person has open survives a refresh (a sidebar's call re-renders the page under it). */
let openMenu: string | null = null;
let sidebarVersion = -1;

const sheetsPane = element('div', { class: 'sheets' });
const sidebar = element('aside', { class: 'sidebar', hidden: '' });
app.append(sheetsPane, sidebar);

function renderMenu(menu: MenuView): HTMLElement {
  const wrap = element('div', { class: 'menu', 'data-menu': menu.name });
  const list = element('ul', { role: 'menu' });
  for (const item of menu.items) {
    if ('separator' in item) list.append(element('li', { class: 'separator' }));
    else if ('submenu' in item) list.append(element('li', {}, renderMenu(item.submenu)));
    else
      list.append(
        element(
          'li',
          {},
          element(
            'button',
            {
              type: 'button',
              role: 'menuitem',
              'data-function': item.functionName,
              click: () => runMenuItem(item.functionName, wrap),
            },
            item.caption,
          ),
        ),
      );
  }
  wrap.append(
    element(
      'button',
      { type: 'button', click: () => (openMenu = wrap.classList.toggle('open') ? menu.name : null) },
      menu.name,
    ),
    list,
  );
  if (openMenu === menu.name) wrap.classList.add('open');
  return wrap;
}

async function runMenuItem(functionName: string, menu: HTMLElement): Promise<void> {
  menu.classList.remove('open');
  openMenu = null;
  const run = await postJson<RunResponse>('/api/run', { fn: functionName, args: [] });
  if (!run.ok) toast(`${run.error?.name}: ${run.error?.message}`);
  await refresh();
}

/**
 * Double-click a cell to type into it, Enter to commit, Escape to cancel: the edit goes to the sandbox API as a
 * person's edit, so the bundle's onEdit/onChange triggers run. Simple-trigger failures show as a toast here (Sheets
 * itself shows nothing; they appear only in the Executions page).
 */
function startEditing(cell: HTMLElement, sheetName: string, a1: string, shown: string): void {
  if (cell.querySelector('input')) return;
  const input = element('input', { type: 'text', class: 'cell-input', 'aria-label': a1 });
  input.value = shown;
  let done = false;
  const finish = async (commit: boolean): Promise<void> => {
    if (done) return;
    done = true;
    if (!commit || input.value === shown) return void refresh();
    const r = await postJson<CellEditResponse>('/api/sheets/edit', { sheet: sheetName, a1, value: input.value });
    if (!r.ok) toast(`${r.error?.name}: ${r.error?.message}`);
    for (const f of r.fired) if (f.error) toast(`${f.handler}: ${f.error.name}: ${f.error.message}`);
    await refresh();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void finish(true);
    if (e.key === 'Escape') void finish(false);
  });
  input.addEventListener('blur', () => void finish(true));
  cell.replaceChildren(input);
  input.focus();
  input.select();
}

function renderGrid(view: SpreadsheetView): HTMLElement {
  const sheet = view.sheets[activeSheet] ?? view.sheets[0];
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i + 1));
  const table = element('table', { class: 'grid', 'data-sheet': sheet.name });
  table.append(
    element('thead', {}, element('tr', {}, element('th', {}, ''), ...letters.map((l) => element('th', {}, l)))),
  );
  const tbody = element('tbody');
  sheet.rows.forEach((row, i) => {
    tbody.append(
      element(
        'tr',
        { class: i < sheet.frozenRows ? 'frozen' : '' },
        element('td', { class: 'rownum' }, String(i + 1)),
        ...Array.from({ length: width }, (_, c) => {
          const td: HTMLElement = element('td', { title: row[c] ?? '' }, row[c] ?? '');
          td.addEventListener('dblclick', () => startEditing(td, sheet.name, `${letters[c]}${i + 1}`, row[c] ?? ''));
          return td;
        }),
      ),
    );
  });
  table.append(tbody);
  // The sheet's embedded charts under its cells, drawn from their ranges (charts.ts).
  return element('div', { class: 'grid-wrap' }, table, renderCharts(sheet.charts ?? []));
}

function renderTabs(view: SpreadsheetView): HTMLElement {
  return element(
    'div',
    { class: 'tabs', role: 'tablist' },
    ...view.sheets.map((s, i) =>
      element(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: `${i === activeSheet ? 'active' : ''} ${s.hidden ? 'hidden-sheet' : ''}`,
          click: () => ((activeSheet = i), void refresh()),
        },
        s.name,
      ),
    ),
  );
}

function renderSidebar(ui: UiView): void {
  if (!ui.sidebar) {
    sidebar.hidden = true;
    sidebar.replaceChildren();
    sidebarVersion = -1;
    return;
  }
  if (ui.sidebar.version === sidebarVersion) return;
  sidebarVersion = ui.sidebar.version;
  sidebar.hidden = false;
  const close = element(
    'button',
    { type: 'button', 'aria-label': 'Close', click: () => void postJson('/api/ui/close-sidebar').then(refresh) },
    '×',
  );
  const frame = element('iframe', {
    src: `/sidebar?v=${ui.sidebar.version}`,
    title: ui.sidebar.title,
    sandbox:
      'allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox',
  });
  sidebar.replaceChildren(
    element('header', {}, element('span', { class: 'sidebar-title' }, ui.sidebar.title), close),
    frame,
  );
}

export async function refresh(): Promise<void> {
  const [view, ui] = await Promise.all([getJson<SpreadsheetView>('/api/spreadsheet'), getJson<UiView>('/api/ui')]);
  // Open on the event log once it exists, else the first sheet with something in it, not an empty default tab.
  if (activeSheet < 0) {
    const events = view.sheets.findIndex((s) => ['События', 'Events', 'მოვლენები'].includes(s.name));
    const filled = view.sheets.findIndex((s) => !s.hidden && s.rows.some((r) => r.some((c) => c !== '')));
    activeSheet = Math.max(0, events >= 0 ? events : filled);
  }
  document.title = `${view.name} — Google Sheets (sandbox)`;
  sheetsPane.replaceChildren(
    element('div', { class: 'doc-title' }, view.name),
    element(
      'div',
      { class: 'menubar' },
      ...['File', 'Edit', 'View'].map((m) =>
        element('div', { class: 'menu' }, element('button', { type: 'button', disabled: '' }, m)),
      ),
      ...ui.menus.map(renderMenu),
    ),
    renderGrid(view),
    renderTabs(view),
  );
  renderSidebar(ui);
  for (const t of ui.toasts) toast(t);
  for (const a of ui.alerts) window.alert(a);
}

window.addEventListener('message', (event) => {
  const data = event.data as { type?: string };
  if (data?.type === 'crm-sandbox:ran') void refresh();
  if (data?.type === 'crm-sandbox:close') void postJson('/api/ui/close-sidebar').then(refresh);
});

void (async () => {
  // Opening the spreadsheet runs the onOpen simple trigger, as Sheets does.
  await postJson('/api/open');
  await refresh();
})();
