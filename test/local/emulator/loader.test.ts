import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject, projectFiles, Workspace } from 'workspace-emulator';

// A project folder written on the fly: each script appends its name to a global list when evaluated, so the order
// Apps Script would run the files in is visible, and a counter shows whether globals survive between executions.
function writeProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loader-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const MANIFEST = JSON.stringify({ timeZone: 'Etc/UTC', runtimeVersion: 'V8' });
const mark = (name: string) => `var loaded = (typeof loaded === 'undefined' ? [] : loaded); loaded.push('${name}');`;

function orderProject(): string {
  return writeProject({
    'appsscript.json': MANIFEST,
    'b.js': mark('b.js'),
    'B2.js': mark('B2.js'),
    'lib.js': mark('lib.js'),
    'lib/a.js': mark('lib/a.js'),
    'zz.gs': `${mark('zz.gs')} var runs = 0; function order() { runs++; return { loaded: loaded, runs: runs }; }`,
    'notes.txt': 'not pushed by clasp',
    'sub/page.html': '<p>nested</p>',
  });
}

describe('the loader evaluates what clasp pushes, in the order the project holds it', () => {
  it('runs every .js/.gs file, subfolders included, in clasp push order (localeCompare of the whole path)', () => {
    const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
    const project = loadProject(ws, orderProject(), { project: 'p' });
    const run = project.invoke('order');
    expect(run.error).toBeUndefined();
    // gas-local's own walk (readdir order per folder, depth-first) would run B2.js, b.js, lib/a.js, lib.js, zz.gs.
    expect(run.result).toEqual({ loaded: ['b.js', 'B2.js', 'lib.js', 'lib/a.js', 'zz.gs'], runs: 1 });
  });

  it('loads the project afresh for every execution: a global counter starts over', () => {
    const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
    const project = loadProject(ws, orderProject(), { project: 'p' });
    project.invoke('order');
    expect((project.invoke('order').result as { runs: number }).runs).toBe(1);
  });

  it('puts filePushOrder files first, as clasp does', () => {
    const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
    const project = loadProject(ws, orderProject(), { project: 'p', filePushOrder: ['zz.gs', 'lib/a.js'] });
    expect((project.invoke('order').result as { loaded: string[] }).loaded).toEqual([
      'zz.gs',
      'lib/a.js',
      'b.js',
      'B2.js',
      'lib.js',
    ]);
  });

  it('lists the pushable files with their project names; HTML in a subfolder is named by its path', () => {
    expect(projectFiles(orderProject()).map((f) => `${f.localPath} ${f.remotePath} ${f.type}`)).toEqual([
      'appsscript.json appsscript JSON',
      'b.js b SERVER_JS',
      'B2.js B2 SERVER_JS',
      'lib.js lib SERVER_JS',
      'lib/a.js lib/a SERVER_JS',
      'sub/page.html sub/page HTML',
      'zz.gs zz SERVER_JS',
    ]);
  });

  it('refuses two files that would be one project file, as clasp refuses Code.js next to Code.gs', () => {
    const dir = writeProject({ 'appsscript.json': MANIFEST, 'Code.js': '', 'Code.gs': '' });
    expect(() => projectFiles(dir)).toThrow(/Code\.gs and Code\.js are both the project file "Code"/);
  });

  it('refuses a folder without a root appsscript.json', () => {
    const dir = writeProject({ 'sub/appsscript.json': MANIFEST, 'Code.js': '' });
    const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
    expect(() => loadProject(ws, dir, { project: 'p' })).toThrow(/has no appsscript\.json at its root/);
  });
});
