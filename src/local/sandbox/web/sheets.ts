// The sandbox's "Google Sheets": the CRM spreadsheet's tabs and rows, the CRM menu built by the bundle's onOpen, and
// the real built sidebar in a 300-px iframe at the side, as Sheets shows it.

import { el, getJson, postJson, toast } from './dom';
import type { MenuView, RunResponse, SpreadsheetView, UiView } from './types';

const app = document.getElementById('app') as HTMLElement;
let activeSheet = -1;
/** The menu a person has open survives a refresh (a sidebar's call re-renders the page under it). */
let openMenu: string | null = null;
let sidebarVersion = -1;

const sheetsPane = el('div', { class: 'sheets' });
const sidebar = el('aside', { class: 'sidebar', hidden: '' });
app.append(sheetsPane, sidebar);

function renderMenu(menu: MenuView): HTMLElement {
  const wrap = el('div', { class: 'menu', 'data-menu': menu.name });
  const list = el('ul', { role: 'menu' });
  for (const item of menu.items) {
    if ('separator' in item) list.append(el('li', { class: 'separator' }));
    else if ('submenu' in item) list.append(el('li', {}, renderMenu(item.submenu)));
    else
      list.append(
        el(
          'li',
          {},
          el(
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
    el(
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

function renderGrid(view: SpreadsheetView): HTMLElement {
  const sheet = view.sheets[activeSheet] ?? view.sheets[0];
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) =>
    String.fromCharCode(65 + (i % 26)).repeat(Math.floor(i / 26) + 1),
  );
  const table = el('table', { class: 'grid', 'data-sheet': sheet.name });
  table.append(el('thead', {}, el('tr', {}, el('th', {}, ''), ...letters.map((l) => el('th', {}, l)))));
  const tbody = el('tbody');
  sheet.rows.forEach((row, i) => {
    tbody.append(
      el(
        'tr',
        { class: i < sheet.frozenRows ? 'frozen' : '' },
        el('td', { class: 'rownum' }, String(i + 1)),
        ...Array.from({ length: width }, (_, c) => el('td', { title: row[c] ?? '' }, row[c] ?? '')),
      ),
    );
  });
  table.append(tbody);
  return el('div', { class: 'grid-wrap' }, table);
}

function renderTabs(view: SpreadsheetView): HTMLElement {
  return el(
    'div',
    { class: 'tabs', role: 'tablist' },
    ...view.sheets.map((s, i) =>
      el(
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
  const close = el(
    'button',
    { type: 'button', 'aria-label': 'Close', click: () => void postJson('/api/ui/close-sidebar').then(refresh) },
    '×',
  );
  const frame = el('iframe', {
    src: `/sidebar?v=${ui.sidebar.version}`,
    title: ui.sidebar.title,
    sandbox:
      'allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox',
  });
  sidebar.replaceChildren(el('header', {}, el('span', { class: 'sidebar-title' }, ui.sidebar.title), close), frame);
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
    el('div', { class: 'doc-title' }, view.name),
    el(
      'div',
      { class: 'menubar' },
      ...['File', 'Edit', 'View'].map((m) =>
        el('div', { class: 'menu' }, el('button', { type: 'button', disabled: '' }, m)),
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
