// google.script.run inside the sandbox's sidebar iframe. Like Apps Script's client: only the project's top-level
// functions (not ending in `_`) are there; arguments obey the documented rules (no Date, no functions…: the call fails
// before anything is sent); at most 10 calls run at once and the rest wait; every call is asynchronous and reports
// through withSuccessHandler / withFailureHandler with the optional user object.

import { checkScriptRunArgs, copyForScriptRun } from 'workspace-emulator';

declare global {
  interface Window {
    __SCRIPT_FUNCTIONS__: string[];
  }
}

type Handler = (value: unknown, userObject?: unknown) => void;
const MAX_CONCURRENT = 10;
let running = 0;
const waiting: Array<() => void> = [];

function schedule(task: () => Promise<void>): void {
  const start = () => {
    running += 1;
    task().finally(() => {
      running -= 1;
      waiting.shift()?.();
    });
  };
  if (running < MAX_CONCURRENT) start();
  else waiting.push(start);
}

function toError(e: { name?: string; message?: string }): Error {
  const error = new Error(e.message ?? 'Unknown error');
  error.name = e.name ?? 'Error';
  return error;
}

function runner(success?: Handler, failure?: Handler, userObject?: unknown): Record<string, unknown> {
  const api: Record<string, unknown> = {
    withSuccessHandler: (fn: Handler) => runner(fn, failure, userObject),
    withFailureHandler: (fn: Handler) => runner(success, fn, userObject),
    withUserObject: (o: unknown) => runner(success, failure, o),
  };
  for (const name of window.__SCRIPT_FUNCTIONS__) {
    if (name.endsWith('_')) continue;
    api[name] = (...args: unknown[]) => {
      checkScriptRunArgs(args);
      schedule(async () => {
        let payload: { ok: boolean; result?: unknown; error?: { name?: string; message?: string } };
        try {
          const response = await fetch('/api/run', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ fn: name, args: copyForScriptRun(args) }),
          });
          payload = await response.json();
        } catch (e) {
          payload = {
            ok: false,
            error: {
              name: 'NetworkError',
              message: 'We\u2019re sorry, a server error occurred. Please wait a bit and try again.',
            },
          };
        }
        window.parent.postMessage({ type: 'crm-sandbox:ran', fn: name }, '*');
        if (payload.ok) success?.(payload.result, userObject);
        else if (failure) failure(toError(payload.error ?? {}), userObject);
        else console.error(toError(payload.error ?? {}));
      });
    };
  }
  return api;
}

const host = {
  close: () => window.parent.postMessage({ type: 'crm-sandbox:close' }, '*'),
  setHeight: () => undefined,
  setWidth: () => undefined,
  editor: { focus: () => window.parent.postMessage({ type: 'crm-sandbox:focus' }, '*') },
};

(window as unknown as { google: unknown }).google = {
  script: {
    get run() {
      return runner();
    },
    host,
  },
};
