// Loads a built Apps Script project (a folder holding exactly what clasp pushes) the way Apps Script runs one: every
// script file evaluated in one global scope of a bare V8 context, top-level function declarations callable by name.
//
// gas-local (https://github.com/mzagorny/gas-local, 1.3.1) is the loader: `require(folder, context, {filter})` reads
// each matching file and runs it in the context. It is wrapped only where it lacks what Apps Script does:
// - a fresh context per execution: Apps Script loads the project afresh for every run, so nothing a script keeps in
//   a global survives into the next one. gas-local evaluates into whatever context it is given, so we create one
//   (its name shows in stack traces; `codeGeneration` matches V8 in Apps Script: eval yes, WebAssembly no — the
//   latter UNVERIFIED) per execution and hand it over already contextified (vm.createContext returns it unchanged).
// - realm-native values: services live in Node's realm; the membrane (membrane.ts) copies data into the script's
//   realm and wraps service objects, so `value instanceof Date` and Array.isArray hold in the script as they do on
//   Google's servers. gas-local would install Node-realm objects as they are.
// - a virtual clock: `new Date()` and `Date.now()` in the script read the Workspace's clock (the CLOCK_PRELUDE below),
//   so tests and the sandbox control time; gas-local leaves the host's clock.
// - the run budget: every execution, loading included, runs inside Workspace.run, which counts service calls and
//   stops the run at the platform's time limit (execution.ts); gas-local has no notion of an execution.
// - file selection and order: gas-local walks folders depth-first in readdir order and evaluates what its filter
//   keeps, in walk order. Apps Script runs the files in the project's order, which clasp sets (filePushOrder, then
//   localeCompare of the whole path: clasp runs `b.js, B2.js, lib.js, lib/a.js` where gas-local's walk runs
//   `B2.js, b.js, lib/a.js, lib.js`). So the
//   file list comes from project-files.ts and gas-local is called once per script file, in that order.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as gasLocal from 'gas-local';
import { ExecutionKind, ExecutionReport } from '../execution';
import { ProjectBinding, ProjectId, ProjectManifest, Workspace } from '../workspace';
import { SpreadsheetAppEmulation, UiHost } from '../spreadsheet/service';
import { Membrane, Realm } from './membrane';
import { MANIFEST_FILE, ProjectFile, projectFiles } from './project-files';

export interface InvokeResult {
  /** The function's return value, copied out of the script realm. */
  result?: unknown;
  /** What the script threw, or the platform's kill. */
  error?: Error;
  report: ExecutionReport;
}

export interface LoadedProject {
  readonly project: ProjectId;
  readonly dir: string;
  readonly manifest: AppsScriptManifest;
  readonly ui: UiHost;
  /** Top-level functions the project exposes (what the Apps Script editor's function list would show). */
  functionNames(): string[];
  hasFunction(name: string): boolean;
  /** Runs a global function as one execution, e.g. a trigger, a menu item or a google.script.run target. */
  invoke(name: string, args?: unknown[], kind?: ExecutionKind): InvokeResult;
  /** The context itself, for tests that need to look inside. */
  readonly context: vm.Context;
}

export interface AppsScriptManifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }> };
  addOns?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Apps Script's V8 clock is the platform's; ours is the Workspace's virtual clock. */
const CLOCK_PRELUDE = `(function (now) {
  var RealDate = Date;
  function ClockDate() {
    if (!(this instanceof ClockDate)) return new RealDate(now()).toString();
    var args = Array.prototype.slice.call(arguments);
    return args.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
  }
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = function () { return now(); };
  ClockDate.UTC = RealDate.UTC;
  ClockDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  globalThis.Date = ClockDate;
})`;

export interface ProjectSources {
  /** The script files in the order the project runs them. */
  scripts: ProjectFile[];
  /** HTML files by project name (the path without `.html`, as HtmlService.createHtmlOutputFromFile names them). */
  html: Record<string, string>;
  manifest: AppsScriptManifest;
}

export function readProjectFiles(dir: string, filePushOrder?: string[]): ProjectSources {
  const files = projectFiles(dir, filePushOrder);
  const manifest = files.find((f) => f.type === 'JSON');
  if (!manifest || manifest.localPath !== MANIFEST_FILE)
    throw new Error(`${dir} has no ${MANIFEST_FILE} at its root: not a built Apps Script project`);
  const html: Record<string, string> = {};
  for (const f of files.filter((f) => f.type === 'HTML'))
    html[f.remotePath] = fs.readFileSync(path.join(dir, f.localPath), 'utf8');
  return {
    scripts: files.filter((f) => f.type === 'SERVER_JS'),
    html,
    manifest: JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as AppsScriptManifest,
  };
}

/**
 * Evaluates the scripts in the context through gas-local, one call per file so the order is the project's (see the
 * header). gas-local reads the file at each call: like Apps Script, an execution runs the code as it is now.
 */
function evaluateScripts(dir: string, scripts: ProjectFile[], context: vm.Context): void {
  for (const script of scripts) {
    const wanted = path.resolve(dir, script.localPath);
    gasLocal.require(dir, context, { filter: (file) => path.resolve(file) === wanted });
  }
}

export function loadProject(
  workspace: Workspace,
  dir: string,
  binding: Omit<ProjectBinding, 'htmlFiles' | 'ui'> & { ui?: UiHost; filePushOrder?: string[] },
): LoadedProject {
  const files = readProjectFiles(dir, binding.filePushOrder);
  // What the platform decides from the manifest (scopes, event objects) reads this copy, binding overrides applied.
  const oauthScopes = binding.oauthScopes ?? files.manifest.oauthScopes;
  workspace.manifests[binding.project] = { ...files.manifest, oauthScopes } as ProjectManifest;
  const ui: UiHost = binding.ui ?? new UiHost();
  const globals = workspace.globals({
    ...binding,
    htmlFiles: files.html,
    ui,
    oauthScopes,
    advancedServices: binding.advancedServices ?? files.manifest.dependencies?.enabledAdvancedServices,
  });
  // A new context per execution (see the header): code that caches in module state is tested as it will run.
  const load = () => {
    const context = vm.createContext(
      {},
      { name: `apps-script:${binding.project}`, codeGeneration: { strings: true, wasm: false } },
    );
    const realm = vm.runInContext('({ Date: Date, Object: Object, Array: Array, Error: Error })', context) as Realm;
    const membrane = new Membrane(realm);
    (vm.runInContext(CLOCK_PRELUDE, context) as (now: () => number) => void)(() => workspace.clock.now());
    for (const [name, service] of Object.entries(globals)) context[name] = membrane.inward(service);
    evaluateScripts(dir, files.scripts, context);
    return { context, membrane };
  };
  let loaded!: ReturnType<typeof load>;
  workspace.run('script', '(load)', () => {
    loaded = load();
  });
  const context = loaded.context;

  const functionNames = () =>
    (vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[]).filter(
      (n) => !(n in globals) && n !== 'console' && typeof context[n] === 'function' && !isIntrinsic(n),
    );

  const project: LoadedProject = {
    project: binding.project,
    dir,
    manifest: files.manifest,
    ui,
    context,
    functionNames,
    hasFunction: (name) => functionNames().includes(name),
    invoke(name, args = [], kind = 'script') {
      if (typeof context[name] !== 'function' || isIntrinsic(name)) {
        return {
          error: new Error(`Script function not found: ${name}`),
          report: {
            kind,
            functionName: name,
            elapsedMs: 0,
            budgetMs: 0,
            serviceCalls: 0,
            serviceMs: 0,
            bytes: 0,
            cells: 0,
          },
        };
      }
      let membrane: Membrane | undefined;
      const run = workspace.run(
        kind,
        name,
        () => {
          const fresh = load();
          membrane = fresh.membrane;
          const fn = fresh.context[name] as (...a: unknown[]) => unknown;
          return fresh.membrane.outward(fn(...args.map((a) => fresh.membrane.inward(a))));
        },
        binding.project,
      );
      const error =
        run.error === undefined ? undefined : ((membrane ? membrane.outward(run.error) : run.error) as Error);
      return { result: run.result, error, report: run.report };
    },
  };
  workspace.triggerHosts[binding.project] = {
    project: binding.project,
    boundSpreadsheetId: binding.boundSpreadsheetId,
    spreadsheetApp: globals.SpreadsheetApp as SpreadsheetAppEmulation,
    hasFunction: project.hasFunction,
    invoke: (name, args, kind) => project.invoke(name, args, kind),
  };
  return project;
}

const INTRINSICS = new Set(Object.getOwnPropertyNames(vm.runInNewContext('globalThis') as object).concat(['Date']));

function isIntrinsic(name: string): boolean {
  return INTRINSICS.has(name);
}
