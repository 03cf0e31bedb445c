// Loads a built Apps Script project (a dist/<project> folder, exactly what clasp pushes) into a bare V8 context that
// holds only the emulated Apps Script globals, the way Apps Script itself runs a project: every .js file evaluated
// in one global scope, top-level function declarations callable by name. The idea is gas-local's; this version adds
// the realm membrane, a virtual clock and the run-time budgets.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { ExecutionKind, ExecutionReport } from '../execution';
import { ProjectBinding, ProjectId, ProjectManifest, Workspace } from '../workspace';
import { SpreadsheetAppEmulation, UiHost } from '../spreadsheet/service';
import { Membrane, Realm } from './membrane';

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

export function readProjectFiles(dir: string): {
  scripts: Array<{ name: string; code: string }>;
  html: Record<string, string>;
  manifest: AppsScriptManifest;
} {
  const names = fs.readdirSync(dir).sort();
  const scripts = names
    .filter((n) => n.endsWith('.js') || n.endsWith('.gs'))
    .map((name) => ({ name, code: fs.readFileSync(path.join(dir, name), 'utf8') }));
  const html: Record<string, string> = {};
  for (const n of names.filter((n) => n.endsWith('.html')))
    html[n.slice(0, -'.html'.length)] = fs.readFileSync(path.join(dir, n), 'utf8');
  const manifestFile = path.join(dir, 'appsscript.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${dir} has no appsscript.json: run npm run build`);
  return { scripts, html, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) };
}

export function loadProject(
  workspace: Workspace,
  dir: string,
  binding: Omit<ProjectBinding, 'htmlFiles' | 'ui'> & { ui?: UiHost },
): LoadedProject {
  const files = readProjectFiles(dir);
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
  // Apps Script loads the project afresh for every execution: nothing a script keeps in a global survives into the
  // next run. Each invoke therefore gets a new context, so code that caches in module state is tested as it will run.
  const load = () => {
    const context = vm.createContext(
      {},
      { name: `apps-script:${binding.project}`, codeGeneration: { strings: true, wasm: false } },
    );
    const realm = vm.runInContext('({ Date: Date, Object: Object, Array: Array, Error: Error })', context) as Realm;
    const membrane = new Membrane(realm);
    (vm.runInContext(CLOCK_PRELUDE, context) as (now: () => number) => void)(() => workspace.clock.now());
    for (const [name, service] of Object.entries(globals)) context[name] = membrane.inward(service);
    for (const f of files.scripts) vm.runInContext(f.code, context, { filename: `${binding.project}/${f.name}` });
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
