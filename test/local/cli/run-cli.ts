// Runs one CLI command in-process, on a state folder, and captures what it prints.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/local/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as JSON. */
  json<T = unknown>(): T;
}

export async function runCli(dir: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main([...argv, '--dir', dir]);
    return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'crm-cli-'));
}
