// The sandbox (`npm start`) and CLI commands (`npm run crm`) share one state folder. With the old folder format
// (whole JSON files, last writer wins) 36 parallel `crm log` kept 6 rows, and the sandbox's next save erased what a
// CLI had logged meanwhile. Here a running sandbox and 40 `crm log` processes (all started at once) write to the same
// Events sheet, the sandbox writing too in between: every row of every process is there, each once, and stays.

import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const LOGS = 40;
/** Processes started at once: all of them, as the issue asks (each waits its turn for the state database). */
const AT_ONCE = LOGS;
const EVENTS = 'События';

jest.setTimeout(8 * 60_000);

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A TypeScript entry point run as `npm run crm` / `npm start` run it (tsx), in one node process. */
function tsx(args: string[]): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<Exit>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, exit };
}

async function crm(dir: string, ...argv: string[]): Promise<Exit> {
  return tsx(['src/local/cli/main.ts', ...argv, '--dir', dir]).exit;
}

/** The sandbox on `dir`, once it listens (it seeds the demo office first on a fresh folder). */
async function startSandbox(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const { child, exit } = tsx(['src/local/sandbox/main.ts', '--dir', dir, '--port', '0']);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /CRM sandbox: http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exit.then((e) => reject(new Error(`the sandbox exited (${e.code}): ${e.stderr}`)));
  });
  return { child, port };
}

async function api<T>(port: number, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The Events sheet's rows as the sandbox's Sheets page shows them now. */
async function eventRows(port: number): Promise<string[][]> {
  const view = await api<{ sheets: Array<{ name: string; rows: string[][] }> }>(port, '/api/spreadsheet');
  return view.sheets.find((s) => s.name === EVENTS)!.rows.filter((r) => r.some((c) => c !== ''));
}

/** How many rows carry exactly this cell text. */
const rowsWith = (rows: string[][], text: string) => rows.filter((r) => r.includes(text)).length;

/** A sidebar's "log an event" through the sandbox (an execution in the sandbox's process); what failed, if it did. */
async function logFromSandbox(port: number, note: string): Promise<string | undefined> {
  try {
    const run = await api<{ ok: boolean; error?: unknown }>(port, '/api/run', {
      fn: 'logEvent',
      args: [{ client: 'client2@example.ru', kind: 'Звонок', reason: 'Заказ', note }],
    });
    return run.ok ? undefined : `${note}: ${JSON.stringify(run.error)}`;
  } catch (e) {
    return `${note}: ${(e as Error).message}`;
  }
}

let dir: string;
let sandbox: ChildProcess | undefined;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-concurrent-'));
});
afterAll(() => {
  sandbox?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

test(`a running sandbox and ${LOGS} parallel crm log commands on one folder: no row lost, none erased`, async () => {
  const started = await startSandbox(dir);
  sandbox = started.child;
  const port = started.port;
  const before = (await eventRows(port)).length;

  const notes = Array.from({ length: LOGS }, (_, i) => `parallel ${i + 1}`);
  const failures: string[] = [];
  const sandboxNotes: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < notes.length) {
      const note = notes[next++];
      const run = await crm(
        dir,
        ...['log', '--client', 'client1@example.ru', '--kind', 'Звонок', '--reason', 'Заказ', '--note', note],
      );
      if (run.code !== 0) failures.push(`${note}: exit ${run.code} ${run.stderr}`);
      // Every tenth, the sandbox writes the same sheet while others still run (its saves used to overwrite them).
      if (++done % 10 === 0) {
        const mine = `sandbox ${done / 10}`;
        sandboxNotes.push(mine);
        const failed = await logFromSandbox(port, mine);
        if (failed) failures.push(failed);
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  expect(failures).toEqual([]);

  // The sandbox's next screen shows every CLI's row, each with its own text, once.
  const after = await eventRows(port);
  expect(notes.filter((n) => rowsWith(after, n) !== 1)).toEqual([]);
  expect(sandboxNotes.filter((n) => rowsWith(after, n) !== 1)).toEqual([]);
  expect(after.length).toBe(before + LOGS + sandboxNotes.length);

  // The sandbox writes again; another process reading the folder still finds all of them.
  expect(await logFromSandbox(port, 'sandbox last')).toBeUndefined();
  const sheet = await crm(dir, 'sheet', 'events', '--json');
  expect(sheet.code).toBe(0);
  const rows = (JSON.parse(sheet.stdout) as { rows: string[][] }).rows;
  expect([...notes, ...sandboxNotes, 'sandbox last'].filter((n) => rowsWith(rows, n) !== 1)).toEqual([]);
});
