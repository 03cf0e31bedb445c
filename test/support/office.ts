// Tests open an office on the emulated Workspace from the built bundle (jest's globalSetup builds dist/ once).

import type { EntryPointName } from '../../src/local/gas/server-rpc';
import { openOffice, Office, OfficeOptions } from '../../src/local/office';

export function testOffice(options: OfficeOptions = {}): Office {
  return openOffice({ clockStart: '2026-03-02T09:00:00+03:00', ...options });
}

/**
 * Invokes an entry point of a loaded project that is not a google.script.run target (a trigger, `lookupClientIndex_`)
 * and fails the test with the script's own error if it threw. The targets are typed calls: `office.rpc` / serverRpc.
 */
export function call<T = unknown>(project: Office['sheet'], name: EntryPointName, ...args: unknown[]): T {
  const run = project.invoke(name, args);
  if (run.error) throw run.error;
  return run.result as T;
}
