// The sandbox's HTTP server: pages that look enough like Sheets, Gmail and Contacts (and a PBX's side: Telephony),
// and a JSON API through
// which they drive the built bundle on the emulated Workspace. Listens on loopback only.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Office } from '../office';
import { SandboxApi } from './api';
import { Page, pageHtml, webBundle } from './web-assets';
import { processInboxNow, simulateCall, SimulateInput, telephonyView } from './telephony';
import { routeDemoSmsGateways } from '../sms/demo';

export interface RunningSandbox {
  port: number;
  close(): void;
}

async function body(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function send(res: http.ServerResponse, status: number, type: string, content: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(content);
}

export async function startSandbox(office: Office, port = 8080): Promise<RunningSandbox> {
  const api = new SandboxApi(office);
  const sms = routeDemoSmsGateways(office.workspace.urlFetch);
  const scripts = await webBundle();
  const routes: Record<string, (input: Record<string, unknown>, url: URL) => unknown> = {
    'GET /api/spreadsheet': () => api.spreadsheet(),
    'GET /api/ui': () => api.ui(),
    'POST /api/open': () => api.open(),
    'POST /api/run': (input) => api.run(String(input.fn), (input.args as unknown[]) ?? []),
    'POST /api/sheets/edit': (input) => api.editCell(String(input.sheet), String(input.a1), String(input.value ?? '')),
    'POST /api/ui/close-sidebar': () => api.closeSidebar(),
    'GET /api/contacts': () => api.contacts(),
    'GET /api/gmail/messages': () => api.messages(),
    'POST /api/gmail/open': (input) => api.openMessage(String(input.messageId)),
    'POST /api/gmail/homepage': () => api.homepage(),
    'POST /api/gmail/action': (input) => api.cardAction(input as never),
    'GET /api/calls': () => api.calls(),
    'GET /api/telephony': () => telephonyView(office),
    'POST /api/telephony/simulate': (input) => simulateCall(office, input as unknown as SimulateInput),
    'POST /api/telephony/process': () => processInboxNow(office),
    // What the fake SMS.ru and SMSC took (an office that switched smsGateway from none to one of them).
    'GET /api/sms': () => ({ smsru: sms.smsru.sent, smsc: sms.smsc.sent }),
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        const page = (
          { '/': 'sheets', '/gmail': 'gmail', '/contacts': 'contacts', '/telephony': 'telephony' } as Record<
            string,
            Page
          >
        )[url.pathname];
        if (req.method === 'GET' && page) return send(res, 200, 'text/html; charset=utf-8', pageHtml(page));
        if (req.method === 'GET' && url.pathname.startsWith('/assets/')) {
          const asset = scripts[url.pathname.slice('/assets/'.length)];
          if (asset) return send(res, 200, asset.type, asset.content);
        }
        if (req.method === 'GET' && url.pathname === '/sidebar') {
          const html = api.sidebarHtml();
          return html
            ? send(res, 200, 'text/html; charset=utf-8', html)
            : send(res, 404, 'text/plain', 'No sidebar is open');
        }
        const handler = routes[`${req.method} ${url.pathname}`];
        if (!handler) return send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
        const input = req.method === 'POST' ? ((await body(req)) as Record<string, unknown>) : {};
        // One transaction per request: the screen shows what CLI commands committed meanwhile, and what the request
        // changes is written at once, beside theirs (never over them).
        const result = office.workspace.transaction(() => handler(input, url));
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      } catch (e) {
        const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
        return send(res, 500, 'application/json; charset=utf-8', JSON.stringify({ error }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}
