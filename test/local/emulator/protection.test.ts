import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject, PROTECTION_SAY, ProtectedEditRefused, Workspace } from 'workspace-emulator';

// A small project bound to a spreadsheet with a Staff and an Events sheet: the office account (the owner) protects
// Staff and names the director its editor; colleagues of the office's domain then try to change it.
const OFFICE = 'office@example.com';
const DIRECTOR = 'director@example.com';
const MANAGER = 'manager@example.com';
const PROTECTED = PROTECTION_SAY.protectedCell;

const CODE = `
  function staff() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Staff'); }
  function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return e.message; } }
  // The documented recipe: protect, drop everyone the protection copied from the spreadsheet, then name the editor.
  function protectStaff(editor) {
    var p = staff().protect().setDescription('Staff: director and office only');
    p.removeEditors(p.getEditors());
    if (p.canDomainEdit()) p.setDomainEdit(false);
    p.addEditor(editor);
    return p.getEditors().map(function (u) { return u.getEmail(); });
  }
  function protectOnly() { staff().protect(); }
  function warnOnly() { staff().protect().setWarningOnly(true); }
  function protectHeader() { staff().getRange('A1:B1').protect().setDomainEdit(false); }
  function promote(row, role) { return attempt(function () { staff().getRange(row, 2).setValue(role); }); }
  function addStaff(name) { return attempt(function () { staff().appendRow([name, 'manager']); }); }
  function dropStaff(row) { return attempt(function () { staff().deleteRow(row); }); }
  function wipe() { return attempt(function () { staff().clear(); }); }
  function logEvent(text) { return attempt(function () {
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Events').appendRow([text]); }); }
  function promoteViaApi(id, row, role) {
    try {
      Sheets.Spreadsheets.batchUpdate({ requests: [{ updateCells: {
        start: { sheetId: staff().getSheetId(), rowIndex: row - 1, columnIndex: 1 },
        rows: [{ values: [{ userEnteredValue: { stringValue: role } }] }], fields: 'userEnteredValue' } }] }, id);
      return 'ok';
    } catch (e) { return [e.name, e.details.code, e.details.status, e.message]; }
  }
  function deleteViaApi(id, row) {
    try {
      Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteDimension: { range: {
        sheetId: staff().getSheetId(), dimension: 'ROWS', startIndex: row - 1, endIndex: row } } }] }, id);
      return 'ok';
    } catch (e) { return e.details.code; }
  }
  function meddle(who) {
    var p = SpreadsheetApp.getActiveSpreadsheet().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    return [p.canEdit(), p.getDescription(), attempt(function () { p.addEditor(who); }),
      attempt(function () { p.getEditors(); }), attempt(function () { p.remove(); })];
  }
  function removeEveryone() {
    var p = staff().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    p.removeEditors([${JSON.stringify(OFFICE)}, ${JSON.stringify(DIRECTOR)}]);
    return p.getEditors().map(function (u) { return u.getEmail(); });
  }
  function settle() {
    var sheet = staff();
    return [attempt(function () { sheet.setFrozenRows(1); }), attempt(function () { sheet.setColumnWidth(1, 200); }),
      attempt(function () { sheet.hideSheet(); }), attempt(function () { sheet.showSheet(); }),
      attempt(function () { SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone('Asia/Tbilisi'); }),
      attempt(function () { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Mine'); })];
  }
  function openNotes() {
    var p = staff().protect();
    p.setUnprotectedRanges([staff().getRange('C1:C1000')]);
    return p.getUnprotectedRanges().map(function (r) { return r.getA1Notation(); });
  }
  function note(row, text) { return attempt(function () { staff().getRange(row, 3).setValue(text); }); }
  function noteAndRole(row) { return attempt(function () { staff().getRange(row, 2, 1, 2).setValues([['x', 'y']]); }); }
  function installRelay() {
    ScriptApp.newTrigger('relay').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  }
  // An installable trigger runs as its creator (the office account): it may write where the typist may not.
  function relay(e) {
    if (e.range.getSheet().getName() !== 'Events') return;
    staff().getRange(3, 3).setValue('seen ' + e.value);
  }
  function onEdit(e) {
    var seen = JSON.parse(PropertiesService.getScriptProperties().getProperty('edits') || '[]');
    seen.push(e.range.getA1Notation());
    PropertiesService.getScriptProperties().setProperty('edits', JSON.stringify(seen));
  }`;

const MANIFEST = {
  timeZone: 'Europe/Moscow',
  runtimeVersion: 'V8',
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] },
};

function projectDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protection-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(MANIFEST));
  return dir;
}

function seed(ws: Workspace): string {
  const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'en' });
  ws.spreadsheets.renameByUser(id, 'Sheet1', 'Staff');
  ws.sheetsUser.insertSheet(id, 'Events');
  ws.sheetsUser.edit(id, 'Staff', 'A1:B3', [
    ['Name', 'Role'],
    ['Dina', 'director'],
    ['Max', 'manager'],
  ]);
  return id;
}

function setup() {
  const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z', session: { email: OFFICE } });
  const id = seed(ws);
  const project = loadProject(ws, projectDir(), { project: 'crm', boundSpreadsheetId: id });
  const as = (email: string, fn: string, ...args: unknown[]) =>
    ws.runAs({ email }, () => project.invoke(fn, args)).result;
  const staff = () => ws.spreadsheets.values(id, 'Staff');
  const edits = (): string[] => JSON.parse(ws.properties.peek('crm', 'script', 'edits') || '[]');
  return { ws, id, project, as, staff, edits };
}

describe('a protected sheet: only its editors change it', () => {
  it('the owner protects Staff for the director; the host sees the protection', () => {
    const { ws, id, as } = setup();
    expect(as(OFFICE, 'protectStaff', DIRECTOR)).toEqual([OFFICE, DIRECTOR]);
    expect(ws.spreadsheets.protections(id)).toEqual([
      {
        sheet: 'Staff',
        type: 'SHEET',
        editors: [OFFICE, DIRECTOR],
        domainEdit: false,
        description: 'Staff: director and office only',
        warningOnly: false,
        unprotected: [],
      },
    ]);
    // Counted like every SpreadsheetApp member.
    expect(ws.calls.count('SpreadsheetApp.Sheet.protect')).toBe(1);
    expect(ws.calls.count('SpreadsheetApp.Protection.')).toBe(7);
  });

  it('a manager cannot promote themselves through SpreadsheetApp: every write is refused, nothing changes', () => {
    const { as, staff } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    const before = staff();
    expect(as(MANAGER, 'promote', 3, 'director')).toBe(PROTECTED);
    expect(as(MANAGER, 'addStaff', 'Eve')).toBe(PROTECTED);
    expect(as(MANAGER, 'dropStaff', 2)).toBe(PROTECTED);
    expect(as(MANAGER, 'wipe')).toBe(PROTECTED);
    expect(staff()).toEqual(before);
    // The rest of the spreadsheet is theirs to edit.
    expect(as(MANAGER, 'logEvent', 'call')).toBe('ok');
  });

  it('nor through the Sheets API: a 400 with Google’s sentence, the batch not applied', () => {
    const { id, as, staff } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    expect(as(MANAGER, 'promoteViaApi', id, 3, 'director')).toEqual([
      'GoogleJsonResponseException',
      400,
      'INVALID_ARGUMENT',
      `API call to sheets.spreadsheets.batchUpdate failed with error: ${PROTECTED}`,
    ]);
    expect(as(MANAGER, 'deleteViaApi', id, 2)).toBe(400);
    expect(staff()[2]).toEqual(['Max', 'manager']);
  });

  it('the director and the office account can', () => {
    const { id, as, staff } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    expect(as(DIRECTOR, 'promote', 3, 'administrator')).toBe('ok');
    expect(as(DIRECTOR, 'promoteViaApi', id, 2, 'director')).toBe('ok');
    expect(as(OFFICE, 'addStaff', 'Eve')).toBe('ok');
    expect(staff().slice(1)).toEqual([
      ['Dina', 'director'],
      ['Max', 'administrator'],
      ['Eve', 'manager'],
    ]);
  });

  it('a manager cannot widen the protection or remove it; the owner and the current user cannot be removed', () => {
    const { ws, id, as } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    expect(as(MANAGER, 'meddle', MANAGER)).toEqual([
      false,
      'Staff: director and office only',
      PROTECTION_SAY.notAnEditor,
      PROTECTION_SAY.notAnEditor,
      PROTECTION_SAY.notAnEditor,
    ]);
    expect(ws.spreadsheets.protections(id)[0].editors).toEqual([OFFICE, DIRECTOR]);
    // The director removes both: the owner stays, and so does the director (the current user).
    expect(as(DIRECTOR, 'removeEveryone')).toEqual([OFFICE, DIRECTOR]);
  });

  it('a person typing as a non-editor is refused: the cell keeps its value and onEdit does not fire', () => {
    const { ws, id, staff, edits, as } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    const typing = () => ws.sheetsUser.edit(id, 'Staff', 'B3', [['director']], { as: MANAGER });
    expect(typing).toThrow(ProtectedEditRefused);
    expect(typing).toThrow(PROTECTED);
    expect(() => ws.sheetsUser.deleteRows(id, 'Staff', 2, 1, { as: MANAGER })).toThrow(PROTECTED);
    expect(() => ws.sheetsUser.insertRows(id, 'Staff', 1, 1, { as: MANAGER })).toThrow(PROTECTED);
    expect(() => ws.sheetsUser.sort(id, 'Staff', 'A2:B3', 1, false, { as: MANAGER })).toThrow(PROTECTED);
    // Whoever is at the keyboard (runAs) counts the same as `as`.
    expect(() => ws.runAs({ email: MANAGER }, () => ws.sheetsUser.edit(id, 'Staff', 'B3', [['x']]))).toThrow(PROTECTED);
    expect(staff()[2]).toEqual(['Max', 'manager']);
    expect(edits()).toEqual([]);
    const done = ws.sheetsUser.edit(id, 'Staff', 'B3', [['administrator']], { as: DIRECTOR });
    expect(done.fired.map((f) => f.error)).toEqual([undefined]);
    expect(edits()).toEqual(['B3']);
    // Typing in an unprotected sheet is anyone's.
    ws.sheetsUser.edit(id, 'Events', 'A1', [['call']], { as: MANAGER });
    expect(ws.spreadsheets.values(id, 'Events')).toEqual([['call']]);
  });
});

describe('what a protection leaves open', () => {
  it('protect() alone mirrors the spreadsheet: shared with the domain, colleagues still edit', () => {
    const { ws, id, as } = setup();
    as(OFFICE, 'protectOnly');
    expect(ws.spreadsheets.protections(id)[0]).toMatchObject({ editors: [OFFICE], domainEdit: true });
    expect(as(MANAGER, 'promote', 3, 'director')).toBe('ok');
  });

  it('a spreadsheet shared with named people only: protect() keeps them as editors, others are barred', () => {
    const { ws, id, as } = setup();
    ws.spreadsheets.share(id, { editors: [MANAGER], domain: false });
    as(OFFICE, 'protectOnly');
    expect(ws.spreadsheets.protections(id)[0]).toMatchObject({ editors: [OFFICE, MANAGER], domainEdit: false });
    expect(as(MANAGER, 'promote', 3, 'director')).toBe('ok');
    expect(as(DIRECTOR, 'promote', 3, 'manager')).toBe(PROTECTED);
  });

  it('warning-only protection lets scripts and people write', () => {
    const { ws, id, as, staff } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    as(OFFICE, 'warnOnly');
    expect(ws.spreadsheets.protections(id)[0].warningOnly).toBe(true);
    expect(as(MANAGER, 'promote', 3, 'director')).toBe('ok');
    ws.sheetsUser.edit(id, 'Staff', 'B2', [['manager']], { as: MANAGER });
    expect(staff()[1]).toEqual(['Dina', 'manager']);
  });

  it('a protected range bars only its cells, and moves with rows inserted above it', () => {
    const { ws, id, as } = setup();
    as(OFFICE, 'protectHeader');
    expect(ws.spreadsheets.protections(id)[0]).toMatchObject({ type: 'RANGE', range: 'A1:B1', editors: [OFFICE] });
    expect(as(MANAGER, 'promote', 1, 'Job')).toBe(PROTECTED);
    expect(as(MANAGER, 'promote', 3, 'director')).toBe('ok');
    ws.sheetsUser.insertRows(id, 'Staff', 0, 1, { as: MANAGER });
    expect(ws.spreadsheets.protections(id)[0].range).toBe('A2:B2');
    expect(as(MANAGER, 'promote', 1, 'free')).toBe('ok');
    expect(as(MANAGER, 'promote', 2, 'Job')).toBe(PROTECTED);
  });
});

describe('what else a protected sheet keeps from non-editors (phase 2 review)', () => {
  it('its settings: frozen rows, column widths, hiding and showing; the spreadsheet’s own settings stay anyone’s', () => {
    const { ws, id, as } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    expect(as(MANAGER, 'settle')).toEqual([PROTECTED, PROTECTED, PROTECTED, PROTECTED, 'ok', 'ok']);
    expect(ws.spreadsheets.get(id).sheets[0]).toMatchObject({ name: 'Staff', frozenRows: 0, hidden: false });
    expect(as(DIRECTOR, 'settle')).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'A sheet with the name "Mine" already exists. Please enter another name.',
    ]);
  });

  it('a range protection does not keep the sheet’s settings', () => {
    const { as } = setup();
    as(OFFICE, 'protectHeader');
    expect((as(MANAGER, 'settle') as string[]).slice(0, 4)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('open ranges inside a protected sheet are anyone’s; a write that also touches protected cells is refused', () => {
    const { ws, id, as, staff } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    expect(as(OFFICE, 'openNotes')).toEqual(['C1:C1000']);
    expect(ws.spreadsheets.protections(id)[0].unprotected).toEqual(['C1:C1000']);
    expect(as(MANAGER, 'note', 3, 'called twice')).toBe('ok');
    expect(as(MANAGER, 'noteAndRole', 3)).toBe(PROTECTED);
    ws.sheetsUser.edit(id, 'Staff', 'C2', [['on leave']], { as: MANAGER });
    expect(staff().slice(1)).toEqual([
      ['Dina', 'director', 'on leave'],
      ['Max', 'manager', 'called twice'],
    ]);
    // Deleting a row touches its protected cells too.
    expect(as(MANAGER, 'dropStaff', 3)).toBe(PROTECTED);
  });

  it('a manager cannot open the sheet for themselves: setUnprotectedRanges is an editor’s change', () => {
    const { ws, project, as } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    const run = ws.runAs({ email: MANAGER }, () => project.invoke('openNotes', []));
    expect((run.error as Error).message).toBe(PROTECTION_SAY.notAnEditor);
    expect(as(MANAGER, 'note', 3, 'x')).toBe(PROTECTED);
  });

  it('an installable trigger the office account made writes for a non-editor (it runs as its creator)', () => {
    const { ws, id, as, staff } = setup();
    as(OFFICE, 'protectStaff', DIRECTOR);
    as(OFFICE, 'installRelay');
    const done = ws.sheetsUser.edit(id, 'Events', 'A1', [['call']], { as: MANAGER });
    expect(done.fired.map((f) => [f.handler, f.error])).toEqual([
      ['onEdit', undefined],
      ['relay', undefined],
    ]);
    expect(staff()[2]).toEqual(['Max', 'manager', 'seen call']);
  });
});

describe('protections persist', () => {
  it('survive Workspace.open(dir) in a new process-like Workspace, and still bar the manager', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protection-state-'));
    const code = projectDir();
    const first = Workspace.open(dir, { clockStart: '2026-03-02T09:00:00Z', session: { email: OFFICE } });
    const id = first.transaction(() => seed(first));
    const p1 = loadProject(first, code, { project: 'crm', boundSpreadsheetId: id });
    first.runAs({ email: OFFICE }, () => p1.invoke('protectStaff', [DIRECTOR]));
    const saved = first.spreadsheets.protections(id);
    first.close();

    const second = Workspace.open(dir, { clockStart: '2026-03-02T09:00:00Z', session: { email: OFFICE } });
    const p2 = loadProject(second, code, { project: 'crm', boundSpreadsheetId: id });
    expect(second.runAs({ email: MANAGER }, () => p2.invoke('promote', [3, 'director'])).result).toBe(PROTECTED);
    expect(second.spreadsheets.protections(id)).toEqual(saved);
    expect(() => second.sheetsUser.edit(id, 'Staff', 'B3', [['director']], { as: MANAGER })).toThrow(PROTECTED);
    second.close();
  });
});
