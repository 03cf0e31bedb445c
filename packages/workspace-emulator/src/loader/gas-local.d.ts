// gas-local ships no types. Only the part the loader uses is declared: `require` evaluates every file of a folder
// (walked depth-first in readdir order, filtered by `filter(path)`, where path is `folder + '/' + relative`) in
// `vm.createContext(globalObject)` and returns that context. Source: node_modules/gas-local/gasrequire.js (1.3.1).

declare module 'gas-local' {
  import type { Context } from 'node:vm';

  export interface GasRequireOptions {
    /** Which walked files to evaluate; gas-local's default keeps `.js` only. */
    filter?: (filePath: string) => boolean;
  }

  /** Evaluates the folder's files in one context (an already contextified object is used as is) and returns it. */
  export function require(folderPath: string, globalObject?: object, options?: GasRequireOptions): Context;

  /** gas-local's own stand-ins for Logger and Utilities; the emulator never uses them. */
  export const globalMockDefault: Record<string, unknown>;
}
