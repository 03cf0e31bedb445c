// One office on the emulated Workspace: the shared account, its CRM spreadsheet, and the two Apps Script projects
// loaded from dist/ exactly as clasp would push them. The sandbox, the CLI, the bench and the tests all start here.

import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Workspace, WorkspaceOptions } from 'workspace-emulator';
import { WebAppOptions } from 'workspace-emulator';
import { LoadedProject, loadProject } from 'workspace-emulator';
import { NodeRpc, serverRpc } from './gas/server-rpc';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');

export interface Office {
  workspace: Workspace;
  /** The project bound to the CRM spreadsheet (menus, sidebars, triggers). */
  sheet: LoadedProject;
  /** The standalone Gmail add-on. */
  gmail: LoadedProject;
  /** The sheet project's google.script.run functions, typed; each is one execution (in a folder, one transaction). */
  rpc: NodeRpc;
  spreadsheetId: string;
  /**
   * Deploys one of the projects as a web app (default: execute as the office account, access "Anyone, even
   * anonymous") and returns its `/exec` URL; a UrlFetch or `workspace.webApp.post(url, body)` to it runs that
   * project's `doPost(e)` / `doGet(e)` from the built bundle as its own execution.
   */
  deployWebApp(project: 'gmail' | 'sheet', options?: WebAppOptions): string;
}

export interface OfficeOptions extends WorkspaceOptions {
  /** Keep state in this folder across runs; in memory when absent. */
  dir?: string;
  distDir?: string;
  spreadsheetName?: string;
}

const SPREADSHEET_KEY = 'crm.spreadsheetId';
/** The card index push (src/server/card-index/announce.ts CARD_PUSH_PROPERTIES): the sheet project's URL + secret. */
const PUSH_URL_KEY = 'crm.cardIndex.pushUrl';
const PUSH_SECRET_KEY = 'crm.cardIndex.pushSecret';
/** The add-on's writes go through the sheet project's web app (src/server/gmail/sheet-writes.ts SHEET_WRITE_PROPERTY). */
const SHEET_WRITE_URL_KEY = 'crm.sheet.writeUrl';

/**
 * The wiring a real deployment does by hand (README): one shared secret in both projects' script properties, the
 * add-on's web app URL in the sheet project's (the card index push), and the sheet project's web app URL in the
 * add-on's (the add-on's writes). A workspace kept in a folder keeps its secret across runs.
 */
export function wireCardPush(workspace: Workspace, webAppUrl: string | undefined, sheetWebAppUrl?: string): void {
  // Read and written in one transaction: two processes wiring at once agree on one secret.
  workspace.transaction(() => {
    const props = workspace.properties;
    const secret = props.peek('gmail', 'script', PUSH_SECRET_KEY) || randomBytes(24).toString('hex');
    props.poke('gmail', 'script', PUSH_SECRET_KEY, secret);
    props.poke('sheet', 'script', PUSH_SECRET_KEY, secret);
    if (webAppUrl) props.poke('sheet', 'script', PUSH_URL_KEY, webAppUrl);
    if (sheetWebAppUrl) props.poke('gmail', 'script', SHEET_WRITE_URL_KEY, sheetWebAppUrl);
  });
}

/**
 * The emulated account's People quotas for the sandbox and the CLI: the emulator's conservative defaults
 * (PEOPLE_QUOTAS, README), unless `EMULATOR_PEOPLE_QUOTAS` says otherwise — a JSON object of figures, e.g.
 * `{"contactCreatesPerDay": 2000}` for a Workspace account, or `off`. A real account's limits are Google's.
 */
export function peopleQuotasFromEnv(env = process.env): WorkspaceOptions['peopleQuotas'] {
  const text = env.EMULATOR_PEOPLE_QUOTAS?.trim();
  if (!text) return undefined;
  if (text === 'off') return false;
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('EMULATOR_PEOPLE_QUOTAS must be "off" or a JSON object such as {"contactCreatesPerDay": 2000}');
  return parsed as WorkspaceOptions['peopleQuotas'];
}

export function openOffice(options: OfficeOptions = {}): Office {
  options = { ...options, peopleQuotas: options.peopleQuotas ?? peopleQuotasFromEnv() };
  const workspace = options.dir ? Workspace.open(options.dir, options) : Workspace.inMemory(options);
  // One transaction: two processes opening a fresh folder at once make one spreadsheet, one deployment, one secret.
  return workspace.transaction(() => wireOffice(workspace, options));
}

function wireOffice(workspace: Workspace, options: OfficeOptions): Office {
  const distDir = options.distDir ?? DIST;
  // The Gmail add-on finds the spreadsheet through its script properties, as after a real deployment (README).
  const gmailProps = workspace.properties;
  let spreadsheetId = gmailProps.peek('gmail', 'script', SPREADSHEET_KEY);
  if (!spreadsheetId || !workspace.spreadsheets.has(spreadsheetId)) {
    spreadsheetId = workspace.spreadsheets.create(options.spreadsheetName ?? 'CRM', {
      timeZone: workspace.ctx.session.timeZone,
      locale: workspace.ctx.session.locale,
    });
    gmailProps.poke('gmail', 'script', SPREADSHEET_KEY, spreadsheetId);
  }
  const sheet = loadProject(workspace, path.join(distDir, 'sheet'), {
    project: 'sheet',
    boundSpreadsheetId: spreadsheetId,
  });
  const gmail = loadProject(workspace, path.join(distDir, 'gmail'), { project: 'gmail' });
  const rpc = serverRpc(sheet);
  const deployWebApp = (project: 'gmail' | 'sheet', options: WebAppOptions = {}) =>
    workspace.deployWebApp(project === 'gmail' ? gmail : sheet, {
      executeAs: 'USER_DEPLOYING',
      access: 'ANYONE_ANONYMOUS',
      ...options,
    });
  // Both projects as web apps, wired as a real deployment is (README): the add-on is told of card index changes, the
  // sheet project makes the add-on's writes under its lock.
  wireCardPush(workspace, deployWebApp('gmail'), deployWebApp('sheet'));
  return { workspace, sheet, gmail, rpc, spreadsheetId, deployWebApp };
}
