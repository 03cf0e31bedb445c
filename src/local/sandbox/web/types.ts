// What the sandbox API sends to its pages (src/local/sandbox/api.ts produces these).

export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  /** Display strings, as the cells show them. */
  rows: string[][];
  /** The sheet's embedded charts, each with what it draws now (charts-view.ts). */
  charts: ChartView[];
}

/**
 * One embedded chart as the page draws it: its type and options as the script set them, where it is anchored, and
 * the table read from its ranges now (the categories as the cells show them; one series per column after the first).
 */
export interface ChartView {
  chartId: number;
  /** A Charts.ChartType name: COLUMN, BAR, LINE, AREA, PIE, COMBO... */
  type: string;
  /** Gviz options by path: 'title', 'isStacked', 'legend.position', 'hAxis.title', 'vAxis.title', 'colors'... */
  options: Record<string, unknown>;
  /** The anchor cell in A1 and the offset from it, px. */
  anchor: { a1: string; offsetX: number; offsetY: number };
  /** Its source ranges, sheet-qualified A1. */
  ranges: string[];
  /** Category labels (the first column), as the cells show them. */
  labels: string[];
  /** Each series: its name (the header row) and its values (null where a cell is empty or not a number). */
  series: Array<{ name: string; values: Array<number | null> }>;
}

export interface SpreadsheetView {
  id: string;
  name: string;
  sheets: SheetView[];
}

export type MenuItemView = { caption: string; functionName: string } | { separator: true } | { submenu: MenuView };

export interface MenuView {
  name: string;
  items: MenuItemView[];
}

export interface UiView {
  menus: MenuView[];
  sidebar: { title: string; version: number } | null;
  toasts: string[];
  alerts: string[];
}

export interface RunResponse {
  ok: boolean;
  result?: unknown;
  error?: { name: string; message: string };
  calls: number;
  elapsedMs: number;
}

/** What a hand edit of a cell did: the edit itself, and each trigger handler it ran (with its failure, if any). */
export interface CellEditResponse {
  ok: boolean;
  error?: { name: string; message: string };
  fired: Array<{ handler: string; error?: { name: string; message: string } }>;
}

export interface ContactView {
  resourceName: string;
  name: string;
  /** Formatted as Contacts shows them: national in the office's country, else international. */
  phones: string[];
  emails: string[];
  company: string;
  /** Job title at the company. */
  title: string;
  /** Label names. */
  labels: string[];
  /** dd.mm.yyyy (dd.mm without a year), '' when none. */
  birthday: string;
  notes: string;
  /** The CRM's responsible manager (a custom field). */
  manager: string;
  addresses: string[];
  /** The other custom fields (the CRM's first visit among them), as Contacts lists them. */
  fields: Array<{ key: string; value: string }>;
}

export interface ContactsView {
  contacts: ContactView[];
  labels: Array<{ name: string; count: number }>;
}

export interface MessageView {
  id: string;
  from: string;
  subject: string;
  date: string;
  body: string;
}

/** A card as CardService built it (the emulator's card JSON: src/local/emulator/ui/card-json.ts), plus its cost. */
export interface CardResponse {
  ok: boolean;
  /** CardJson: { kind: 'card', header?, sections: [{ widgets: [{ type, … }] }], fixedFooter? }. */
  card?: unknown;
  /** For actions: the ActionResponse as ResponseJson (navigation steps, notification text, openLink URL…). */
  response?: unknown;
  error?: { name: string; message: string };
  calls: number;
  elapsedMs: number;
}
