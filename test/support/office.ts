// Tests open an office on the emulated Workspace from the built bundle (jest's globalSetup builds dist/ once).

import { openOffice, Office, OfficeOptions } from '../../src/local/office';

export function testOffice(options: OfficeOptions = {}): Office {
  return openOffice({ clockStart: '2026-03-02T09:00:00+03:00', ...options });
}

/** Invokes a global of a loaded project and fails the test with the script's own error if it threw. */
export function call<T = unknown>(project: Office['sheet'], name: string, ...args: unknown[]): T {
  const run = project.invoke(name, args);
  if (run.error) throw run.error;
  return run.result as T;
}
