// google.script.run as promises, typed from the one contract (src/shared/rpc.ts). A name outside the contract fails
// the type check, and at run time before anything is sent.

import { SERVER_FUNCTIONS, ServerApi, ServerFunctionName } from '../../shared/rpc';

export type Rpc = { [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>> };

function call(name: ServerFunctionName, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler(resolve)
      .withFailureHandler((error: Error) => reject(error)) as unknown as Record<string, (...a: unknown[]) => void>;
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`Server function ${name} is not available`));
      return;
    }
    fn(...args);
  });
}

export const rpc = Object.fromEntries(
  SERVER_FUNCTIONS.map((name) => [name, (...args: unknown[]) => call(name, args)]),
) as unknown as Rpc;
