// `npm start`: the product on the emulated Workspace, in a browser. State lives in .sandbox/ (or --dir) and survives
// a restart; `npm start -- --reset` starts the demo office over.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from 'workspace-emulator';
import { openOffice, ROOT } from '../office';
import { seedDemoOffice } from './demo-office';
import { startSandbox } from './server';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dir = path.resolve(option('--dir') ?? process.env.SANDBOX_DIR ?? path.join(ROOT, '.sandbox'));
  if (process.argv.includes('--reset')) fs.rmSync(dir, { recursive: true, force: true });
  const fresh = !Workspace.hasState(dir);
  const office = openOffice({ dir });
  if (fresh) {
    const summary = seedDemoOffice(office, dir);
    console.log(`Demo office created in ${path.relative(process.cwd(), dir) || dir}: ${summary}`);
  }
  const port = Number(option('--port') ?? process.env.PORT ?? 8080);
  const server = await startSandbox(office, port);
  console.log(`CRM sandbox: http://localhost:${server.port}  (Sheets: /  Gmail: /gmail  Contacts: /contacts)`);
  const stop = () => {
    server.close();
    office.workspace.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
