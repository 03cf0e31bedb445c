import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLASP_TARGETS, inspectTarget } from '../../../src/local/build/clasp-targets';
import { dryRunReport, inspectAll } from '../../../src/local/build/deploy';

// `npm run deploy -- --dry-run` on a repository written on the fly: the clasp project files, a dist/ and maybe a
// .claspignore. The listing comes from the pinned clasp itself (`clasp status --json`, no network); each clasp run
// takes seconds, so a case inspects only the project it is about.
const DIST = path.join(__dirname, '../../../dist');
const ID_SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQ';
const ID_GMAIL = '1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-ZyXwVuTsRqPoNmLkJ';

function repo(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

const clasp = (scriptId: string, rootDir: string) => JSON.stringify({ scriptId, rootDir });
const GOOD = {
  '.clasp.json': clasp(ID_SHEET, 'dist/sheet'),
  '.clasp.gmail.json': clasp(ID_GMAIL, 'dist/gmail'),
  'dist/sheet/appsscript.json': '{}',
  'dist/sheet/Code.js': 'function onOpen() {}',
  'dist/sheet/settings.html': '<p>settings</p>',
  'dist/sheet/notes.txt': 'clasp does not push this',
  'dist/gmail/appsscript.json': '{}',
  'dist/gmail/Code.js': 'function onGmail() {}',
};

const [SHEET, GMAIL] = CLASP_TARGETS;
const problemsOf = (files: Record<string, string>, target = SHEET) => inspectTarget(repo(files), target).problems;

describe('npm run deploy -- --dry-run', () => {
  it('lists per project exactly the files clasp would push, in push order, with sizes, and finds no problem', () => {
    const root = repo(GOOD);
    const targets = inspectAll(root);
    expect(targets.map((t) => [t.claspFile, t.files?.map((f) => `${f.localPath} ${f.bytes}`)])).toEqual([
      ['.clasp.json', ['appsscript.json 2', 'Code.js 20', 'settings.html 15']],
      ['.clasp.gmail.json', ['appsscript.json 2', 'Code.js 21']],
    ]);
    expect(targets.flatMap((t) => t.problems)).toEqual([]);
    expect(dryRunReport(targets)).toContain('npm run deploy would push the above');
  });

  it('lists the built dist/ whole: every file npm run build writes is one clasp pushes', () => {
    const files: Record<string, string> = { ...GOOD };
    for (const project of ['sheet', 'gmail'])
      for (const name of fs.readdirSync(path.join(DIST, project)))
        files[`dist/${project}/${name}`] = fs.readFileSync(path.join(DIST, project, name), 'utf8');
    delete files['dist/sheet/notes.txt'];
    const targets = inspectAll(repo(files));
    expect(targets.flatMap((t) => t.problems)).toEqual([]);
    expect(targets[0].files?.map((f) => f.localPath).sort()).toEqual(fs.readdirSync(path.join(DIST, 'sheet')).sort());
    expect(targets[1].files?.map((f) => f.localPath).sort()).toEqual(fs.readdirSync(path.join(DIST, 'gmail')).sort());
  });

  it('names the templates’ placeholder script id as what to set before a push, and still lists the files', () => {
    const root = repo({ ...GOOD, '.clasp.json': clasp('REPLACE_WITH_THE_SPREADSHEET_BOUND_SCRIPT_ID', 'dist/sheet') });
    const sheet = inspectTarget(root, SHEET);
    // Not a problem of the files: a dry run of the repository as it ships succeeds; a real deploy refuses it.
    expect(sheet.problems).toEqual([]);
    expect(sheet.beforePush).toEqual([
      '.clasp.json: scriptId is still the template\'s placeholder "REPLACE_WITH_THE_SPREADSHEET_BOUND_SCRIPT_ID"',
    ]);
    expect(sheet.files).toHaveLength(3);
    expect(dryRunReport([sheet])).toMatch(/once you set:\n {2}- \.clasp\.json: scriptId is still/);
    const broken = inspectTarget(repo({ ...GOOD, '.clasp.json': clasp('REPLACE_ME_PLEASE_000000000', 'dist') }), SHEET);
    expect(dryRunReport([broken])).toMatch(/Fix before deploying:\n {2}- \.clasp\.json: rootDir is "dist"/);
  });

  it('refuses a missing file, a rootDir that is not the project’s dist folder, a typo and a short id', () => {
    const noGmail: Record<string, string> = { ...GOOD };
    delete noGmail['.clasp.gmail.json'];
    expect(problemsOf(noGmail, GMAIL)).toEqual([
      '.clasp.gmail.json is missing: create it with {"scriptId": "…", "rootDir": "dist/gmail"}',
    ]);
    expect(problemsOf({ ...GOOD, '.clasp.json': clasp(ID_SHEET, 'dist') })).toEqual([
      '.clasp.json: rootDir is "dist", expected "dist/sheet"',
    ]);
    expect(
      problemsOf({ ...GOOD, '.clasp.json': JSON.stringify({ scriptId: ID_SHEET, rootdir: 'dist/sheet' }) }),
    ).toEqual(['.clasp.json: clasp does not know rootdir']);
    expect(problemsOf({ ...GOOD, '.clasp.json': clasp('1abc', 'dist/sheet') })).toEqual([
      '.clasp.json: scriptId "1abc" is not a script id (letters, digits, - and _, 25 or more)',
    ]);
  });

  it('refuses a .claspignore that would push a project other than the tested one', () => {
    expect(problemsOf({ ...GOOD, '.claspignore': '**/settings.html\n' })).toEqual([
      '.clasp.json: clasp would push a different project than the tested one; not pushed: dist/sheet/settings.html ' +
        '(check .claspignore and the extension settings)',
    ]);
  });
});
