// The bundle contract: dist/ is what clasp pushes, and it must run in Apps Script's bare V8 global scope.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { findForbiddenReferences } from '../../../src/local/gas/bundle-check';
import { checkManifest, manifestFunctions } from '../../../src/local/build/manifests';
import { DIST, ROOT } from '../../../src/local/office';
import { MENU_ITEMS } from '../../../src/server/ui/menu';
import { SERVER_FUNCTIONS } from '../../../src/shared/rpc';
import { SETTING_KEYS } from '../../../src/core/settings/definitions';
import { invokeEntryPoint, serverRpc } from '../../../src/local/gas/server-rpc';
import { testOffice } from '../../support/office';

const code = fs.readFileSync(path.join(DIST, 'sheet', 'Code.js'), 'utf8');

/** The names Code.js declares as top-level functions: what Apps Script lists and google.script.run can call. */
function topLevelFunctions(source: string): string[] {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2019, false, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).map((f) => f.name?.text ?? '');
}

function clientSources(dir = path.join(ROOT, 'src/client')): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? clientSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

/** Names each card action wires with setFunctionName('x') anywhere in the server sources. */
function cardActionNames(dir = path.join(ROOT, 'src/server')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return cardActionNames(p);
    if (!e.name.endsWith('.ts')) return [];
    return [...fs.readFileSync(p, 'utf8').matchAll(/setFunctionName\(\s*['"`](\w+)['"`]\s*\)/g)].map((m) => m[1]);
  });
}

describe('the built bundle', () => {
  test('both projects push the same server code', () => {
    expect(fs.readFileSync(path.join(DIST, 'gmail', 'Code.js'), 'utf8')).toBe(code);
  });

  test('references no Node or browser global and no module syntax', () => {
    expect(findForbiddenReferences(code)).toEqual([]);
  });

  test('the checker itself catches what it must', () => {
    const names = findForbiddenReferences(
      'var a = require("x"); setTimeout(f, 1); fetch(u); window.x = 1; process.env; var o = { process: 1 }; o.fetch();',
    ).map((f) => f.name);
    expect(names).toEqual(['require', 'setTimeout', 'fetch', 'window', 'process']);
  });

  test('loads in a bare context holding only the emulated Apps Script globals', () => {
    const office = testOffice();
    for (const project of [office.sheet, office.gmail]) {
      const leaked = ['require', 'process', 'module', 'setTimeout', 'fetch', 'window', 'Buffer'].filter(
        (n) => n in project.context,
      );
      expect(leaked).toEqual([]);
    }
  });

  test('every function a manifest, a menu, a card action or a sidebar names is a global function', () => {
    const office = testOffice();
    const missing = (project: typeof office.sheet, names: string[]) => names.filter((n) => !project.hasFunction(n));
    expect(missing(office.gmail, manifestFunctions(office.gmail.manifest))).toEqual([]);
    expect(missing(office.sheet, manifestFunctions(office.sheet.manifest))).toEqual([]);
    expect(missing(office.sheet, ['onOpen', ...MENU_ITEMS.map((i) => i.functionName)])).toEqual([]);
    expect(missing(office.gmail, cardActionNames())).toEqual([]);
    const calledFromSidebars = clientSources().flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/\brpc\s*\.\s*(\w+)\s*\(/g)].map((m) => m[1]),
    );
    expect(calledFromSidebars.length).toBeGreaterThan(0);
    expect(calledFromSidebars.filter((n) => !(SERVER_FUNCTIONS as string[]).includes(n))).toEqual([]);
    expect(missing(office.sheet, SERVER_FUNCTIONS)).toEqual([]);
  });

  test('every ServerApi function is a top-level function of Code.js, declared once, that reaches api.ts', () => {
    const declared = topLevelFunctions(code);
    expect(SERVER_FUNCTIONS.filter((n) => !declared.includes(n))).toEqual([]);
    expect(declared).not.toContain('api');
    expect(new Set(declared).size).toBe(declared.length);
    // Each one reaches the implementation: a call through the global name returns what api.ts returns.
    const office = testOffice();
    const view = serverRpc(office.sheet).getSettingsView();
    expect(view.settings.map((s) => s.key)).toEqual(SETTING_KEYS);
    expect(topLevelFunctions('function a() {} var b = function () {}; (function c() {})();')).toEqual(['a']);
  });

  test('the Sheets menu built by onOpen names only existing functions', () => {
    const office = testOffice();
    const run = invokeEntryPoint(office.sheet, 'onOpen', [{}], 'simple-trigger');
    expect(run.error).toBeUndefined();
    const items = office.sheet.ui.menus
      .flatMap((m) => m.items)
      .filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => !office.sheet.hasFunction(i.functionName))).toEqual([]);
  });

  test('manifests: V8, explicit minimal scopes, People, Sheets and Calendar enabled, Gmail trigger only in the add-on', () => {
    const office = testOffice();
    for (const project of [office.sheet, office.gmail]) {
      expect(project.manifest.runtimeVersion).toBe('V8');
      // The sheet project's nightly backup writes to Drive, and its documents fill Google Docs, with drive.file only
      // (server/backup, server/documents); the add-on does neither.
      const drive =
        project === office.sheet
          ? [
              { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
              { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
            ]
          : [];
      expect(project.manifest.dependencies?.enabledAdvancedServices).toEqual([
        { userSymbol: 'People', serviceId: 'peopleapi', version: 'v1' },
        { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
        { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' },
        ...drive,
      ]);
      const scopes = project.manifest.oauthScopes ?? [];
      // The Sheets REST API does not take spreadsheets.currentonly: both projects need the full scope.
      expect(scopes).toContain('https://www.googleapis.com/auth/spreadsheets');
      expect(scopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
      expect(scopes).not.toContain('https://www.googleapis.com/auth/gmail.readonly');
      expect(scopes).not.toContain('https://mail.google.com/');
      expect(scopes).not.toContain('https://www.googleapis.com/auth/drive');
    }
    expect(office.sheet.manifest.addOns).toBeUndefined();
    expect(office.gmail.manifest.addOns?.gmail).toBeDefined();
    // The loaded bundle sees the service the manifest enables.
    expect(office.sheet.context.Sheets).toBeDefined();
  });

  test('the build refuses a manifest enabling Sheets v4 without a scope the Sheets API takes', () => {
    const manifest = {
      runtimeVersion: 'V8',
      timeZone: 'Europe/Moscow',
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] },
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    };
    expect(() => checkManifest('sheet', manifest, [])).toThrow(
      'The sheet manifest: the Sheets advanced service needs one of https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() =>
      checkManifest('sheet', { ...manifest, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'] }, []),
    ).not.toThrow();
  });
});
