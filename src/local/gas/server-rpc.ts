// The built bundle's server functions as typed Node calls: what the sidebars get from src/client/lib/rpc.ts, for the
// CLI, the bench and the tests. Each call is one Apps Script execution of the loaded project; it returns the result
// or throws the script's own error, so a renamed or re-typed server function fails the type check here too.

import type * as Main from '../../server/main';
import { SERVER_FUNCTIONS, ServerApi, ServerFunctionName } from '../../shared/rpc';
import { checkScriptRunSize } from 'workspace-emulator';
import type { ExecutionKind } from 'workspace-emulator';
import type { InvokeResult, LoadedProject } from 'workspace-emulator';

export type NodeRpc = { [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => ReturnType<ServerApi[K]> };

/**
 * The project's other entry points (triggers, menu items, card actions, `lookupClientIndex_`): main.ts's exports,
 * so a name that is not one fails the type check. `api` is the object the build turns into the ServerApi functions.
 */
export type EntryPointName = Exclude<keyof typeof Main, 'api'>;

export interface RpcOptions {
  /** Called after every execution, failed or not, e.g. to save the workspace or to read the run's service calls. */
  afterRun?(run: InvokeResult, name: ServerFunctionName): void;
}

export function serverRpc(project: LoadedProject, options: RpcOptions = {}): NodeRpc {
  // What google.script.run could not carry fails here too, so every test of a server function checks its size.
  const call = (name: ServerFunctionName, args: unknown[]) => {
    checkScriptRunSize(args, 'args');
    const run = project.invoke(name, args);
    options.afterRun?.(run, name);
    if (run.error) throw run.error;
    checkScriptRunSize(run.result, 'result');
    return run.result;
  };
  return Object.fromEntries(
    SERVER_FUNCTIONS.map((name) => [name, (...args: unknown[]) => call(name, args)]),
  ) as unknown as NodeRpc;
}

/** Runs one of those entry points by its name, as Apps Script would (a trigger, a card, a menu item). */
export function invokeEntryPoint(
  project: LoadedProject,
  name: EntryPointName,
  args: unknown[] = [],
  kind?: ExecutionKind,
): InvokeResult {
  return project.invoke(name, args, kind);
}
