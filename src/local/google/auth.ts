// OAuth for `--target google`: the installed-app ("desktop") flow with a loopback redirect. The office creates an
// OAuth client of type "Desktop app" in a Google Cloud project with the People API enabled, downloads its JSON, and
// points CRM_GOOGLE_CREDENTIALS (or --credentials) at it. The first run prints a URL to open; the token is kept in
// ~/.config/office-crm/token.json (mode 600) for the next runs. https://developers.google.com/identity/protocols/oauth2/native-app

import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { OAuth2Client } from 'google-auth-library';

/** Contacts only: the CLI reads and writes the account's contacts and labels, nothing else. */
const SCOPES = ['https://www.googleapis.com/auth/contacts'];

export function tokenPath(): string {
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'office-crm', 'token.json');
}

function clientSecrets(file: string): { client_id: string; client_secret: string } {
  if (!fs.existsSync(file))
    throw new Error(`${file}: no such file (the OAuth client JSON downloaded from Google Cloud)`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    installed?: { client_id: string; client_secret: string };
  };
  if (!json.installed) throw new Error(`${file} is not a "Desktop app" OAuth client (it has no "installed" section)`);
  return json.installed;
}

/** Waits for Google's redirect to the loopback address and returns the authorization code. */
function receiveCode(server: http.Server, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const code = url.searchParams.get('code');
      const ok = code && url.searchParams.get('state') === state;
      res.writeHead(ok ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(ok ? 'Office CRM is authorised. You can close this tab.' : 'Authorisation failed; see the terminal.');
      if (ok) resolve(code as string);
      else reject(new Error(url.searchParams.get('error') ?? 'The authorisation answer did not match this request.'));
    });
  });
}

export async function authorize(credentialsFile: string): Promise<OAuth2Client> {
  const { client_id, client_secret } = clientSecrets(credentialsFile);
  const saved = tokenPath();
  if (fs.existsSync(saved)) {
    const client = new OAuth2Client({ clientId: client_id, clientSecret: client_secret });
    client.setCredentials(JSON.parse(fs.readFileSync(saved, 'utf8')));
    return client;
  }
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new OAuth2Client({ clientId: client_id, clientSecret: client_secret, redirectUri });
  const state = Math.random().toString(36).slice(2);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    scope: SCOPES,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256' as never,
  });
  process.stderr.write(`Open this address in a browser signed in as the office's Google account:\n${url}\n`);
  try {
    const code = await receiveCode(server, state);
    const { tokens } = await client.getToken({ code, codeVerifier });
    client.setCredentials(tokens);
    fs.mkdirSync(path.dirname(saved), { recursive: true });
    fs.writeFileSync(saved, JSON.stringify(tokens), { mode: 0o600 });
    return client;
  } finally {
    server.close();
  }
}
