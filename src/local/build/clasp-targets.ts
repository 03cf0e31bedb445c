// What `npm run deploy` pushes, checked before anything leaves the machine: each clasp project file must name a real
// script id and point at its dist/ folder, and clasp must push exactly the files the emulator loaded in the tests
// (a .claspignore or an extension setting that drops or adds a file would ship a project nobody tested).
// clasp's rules: @google/clasp 3.4.1 build/src/core/clasp.js (initClaspInstance, readFileExtensions) and
// build/src/core/files.js (collectLocalFiles, push); its README documents `--project <file>` for several targets.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectFile, projectFiles } from 'workspace-emulator';

export interface ClaspTarget {
  /** The clasp project file, relative to the repository root. */
  claspFile: string;
  /** The folder `npm run build` writes the project to, relative to the repository root. */
  rootDir: string;
}

export const CLASP_TARGETS: ClaspTarget[] = [
  { claspFile: '.clasp.json', rootDir: 'dist/sheet' },
  { claspFile: '.clasp.gmail.json', rootDir: 'dist/gmail' },
];

/** The keys clasp 3.4.1 reads from a project file; any other is a typo clasp would silently ignore. */
const CLASP_KEYS = new Set([
  'scriptId',
  'rootDir',
  'srcDir',
  'projectId',
  'parentId',
  'scriptExtensions',
  'htmlExtensions',
  'jsonExtensions',
  'fileExtension',
  'filePushOrder',
  'skipSubdirectories',
  'allowSymlinks',
]);

/**
 * A script id is the project's Drive file id: letters, digits, '-' and '_'. The length is UNVERIFIED (the ids the
 * Apps Script editor shows are 57 characters starting with "1"); shorter than 25 is refused as not an id.
 */
const SCRIPT_ID = /^[A-Za-z0-9_-]{25,}$/;
/** The templates in the repository hold a placeholder, which has the id's alphabet and must still be refused. */
const PLACEHOLDER = /REPLACE|YOUR_|SCRIPT_ID/i;

/** A target checked as far as it goes; deployable when problems is empty. */
export interface InspectedTarget extends ClaspTarget {
  /** What clasp would push, in push order, with sizes; absent when the folder itself is wrong. */
  files?: ProjectFile[];
  /** What to fix, one clear sentence each. */
  problems: string[];
  /**
   * What only a real push needs: the templates' placeholder script ids. A dry run of the repository as it ships lists
   * the files and says these, and succeeds; `npm run deploy` refuses them.
   */
  beforePush: string[];
}

/** The repository's template script id: the office's real id goes here before the first push. */
class PlaceholderScriptId extends Error {}

interface ClaspConfig {
  scriptId?: unknown;
  rootDir?: unknown;
  srcDir?: unknown;
  filePushOrder?: unknown;
}

function readConfig(root: string, target: ClaspTarget): ClaspConfig {
  const file = path.join(root, target.claspFile);
  if (!fs.existsSync(file))
    throw new Error(`${target.claspFile} is missing: create it with {"scriptId": "…", "rootDir": "${target.rootDir}"}`);
  let config: unknown;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    // clasp reads JSON5; plain JSON is asked for so every tool (and a reviewer) reads the file the same way.
    throw new Error(`${target.claspFile} is not plain JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!config || typeof config !== 'object' || Array.isArray(config))
    throw new Error(`${target.claspFile} must hold one JSON object`);
  const unknown = Object.keys(config).filter((k) => !CLASP_KEYS.has(k));
  if (unknown.length) throw new Error(`${target.claspFile}: clasp does not know ${unknown.join(', ')}`);
  return config as ClaspConfig;
}

function checkScriptId(target: ClaspTarget, scriptId: unknown): string {
  if (typeof scriptId !== 'string' || scriptId === '')
    throw new Error(`${target.claspFile} has no scriptId (Apps Script editor → Project Settings → IDs)`);
  if (PLACEHOLDER.test(scriptId))
    throw new PlaceholderScriptId(`${target.claspFile}: scriptId is still the template's placeholder "${scriptId}"`);
  if (!SCRIPT_ID.test(scriptId))
    throw new Error(
      `${target.claspFile}: scriptId "${scriptId}" is not a script id (letters, digits, - and _, 25 or more)`,
    );
  return scriptId;
}

/** clasp pushes from srcDir, else rootDir, else the folder of the project file: the whole repository. */
function checkRootDir(root: string, target: ClaspTarget, config: ClaspConfig): string {
  const dir = config.srcDir ?? config.rootDir;
  if (typeof dir !== 'string')
    throw new Error(`${target.claspFile} has no rootDir: clasp would push the whole repository`);
  const resolved = path.resolve(root, dir);
  if (resolved !== path.resolve(root, target.rootDir))
    throw new Error(`${target.claspFile}: rootDir is "${dir}", expected "${target.rootDir}"`);
  if (!fs.existsSync(path.join(resolved, 'appsscript.json')))
    throw new Error(`${target.rootDir} has no appsscript.json: run npm run build`);
  return resolved;
}

/**
 * The files clasp itself says it would push (`clasp status --json`: collectLocalFiles with the .claspignore and
 * extension rules, no network), relative to the repository root.
 */
export function claspFilesToPush(root: string, claspFile: string): string[] {
  const out = execFileSync(CLASP, ['--project', claspFile, 'status', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const status = JSON.parse(out) as { filesToPush?: string[] };
  return (status.filesToPush ?? []).map((f) => f.split(path.sep).join('/'));
}

/** The pinned clasp (package.json devDependencies), never one fetched at deploy time. */
export const CLASP = path.resolve(__dirname, '../../../node_modules/.bin/clasp');

/**
 * A target checked as far as it goes: the files are listed even when the script id is wrong, so a dry run with the
 * repository's templates still shows what would be pushed (and says what to fix before a real deploy).
 */
export function inspectTarget(root: string, target: ClaspTarget): InspectedTarget {
  const problems: string[] = [];
  const beforePush: string[] = [];
  const attempt = <T>(step: () => T): T | undefined => {
    try {
      return step();
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      (e instanceof PlaceholderScriptId ? beforePush : problems).push(e.message);
      return undefined;
    }
  };
  const config = attempt(() => readConfig(root, target));
  if (!config) return { ...target, problems, beforePush };
  attempt(() => checkScriptId(target, config.scriptId));
  const files = attempt(() => checkFiles(root, target, config));
  return { ...target, files, problems, beforePush };
}

/** The project's files in push order, provided clasp would push exactly those. */
function checkFiles(root: string, target: ClaspTarget, config: ClaspConfig): ProjectFile[] {
  const dir = checkRootDir(root, target, config);
  const prefix = path.relative(root, dir).split(path.sep).join('/');
  // clasp compares filePushOrder entries with paths relative to where it runs: the repository root.
  const order = Array.isArray(config.filePushOrder) ? (config.filePushOrder as string[]) : [];
  const files = projectFiles(
    dir,
    order.map((p) => path.posix.relative(prefix, p.split(path.sep).join('/'))),
  );
  const loaded = files.map((f) => `${prefix}/${f.localPath}`).sort();
  const pushed = claspFilesToPush(root, target.claspFile).sort();
  const missing = loaded.filter((f) => !pushed.includes(f));
  const extra = pushed.filter((f) => !loaded.includes(f));
  if (missing.length || extra.length)
    throw new Error(
      `${target.claspFile}: clasp would push a different project than the tested one` +
        (missing.length ? `; not pushed: ${missing.join(', ')}` : '') +
        (extra.length ? `; pushed but never loaded in tests: ${extra.join(', ')}` : '') +
        ' (check .claspignore and the extension settings)',
    );
  return files;
}

/** What a dry run prints for one target's files. */
export function describeFiles(target: ClaspTarget, files: ProjectFile[]): string {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const width = Math.max(...files.map((f) => f.localPath.length));
  return [
    `${target.claspFile}: ${files.length} files from ${target.rootDir}/, ${total} bytes, in push order:`,
    ...files.map((f) => `  ${f.localPath.padEnd(width)}  ${String(f.bytes).padStart(9)} bytes`),
  ].join('\n');
}
