// webhook / pbx-secret: the PBX endpoint from a terminal. `crm webhook` reaches the sheet project's web app the way a
// PBX does — an HTTP request through the emulator's network to the deployed /exec URL (doPost / doGet run from the
// built bundle as their own execution), Google's 302 to script.googleusercontent.com followed — so what it prints is
// what the PBX would get.

import type { WebhookReply } from '../../shared/pbx-dto';
import type { Office } from '../office';
import { flag, ParsedArgs, Refusal, UsageError } from './args';

const PROVIDERS = ['mango', 'zadarma'];

/** `a=1&b=2` as given; a leading `?` or `&` is dropped. */
function queryOf(text: string | undefined): string {
  return (text ?? '').replace(/^[?&]+/, '');
}

/**
 * The URL a PBX would call: the web app's /exec, then `--path` (what goes after /exec: `events/summary`, or Mango's
 * whole `mango/SECRET/events/summary`), then the query. `pbx=PROVIDER` is added unless the path or the query already
 * names the provider, so the endpoint knows it as the PBX's own request.
 */
export function webhookUrl(execUrl: string, provider: string, path: string, query: string): string {
  const cleanPath = path.replace(/^\/+/, '');
  const named = cleanPath.split('/')[0] === provider || /(^|&)pbx=/.test(query);
  const fullQuery = [named ? '' : `pbx=${provider}`, query].filter(Boolean).join('&');
  return `${execUrl}${cleanPath ? `/${cleanPath}` : ''}${fullQuery ? `?${fullQuery}` : ''}`;
}

/**
 * `crm webhook --provider mango|zadarma --query "k=SECRET&…" [--path events/summary] --form "key=value&…" [--get]`:
 * POST form-urlencoded (or GET with the form's fields in the query) → {"status", "body"}.
 */
export function webhookCommand(office: Office, args: ParsedArgs): WebhookReply {
  const provider = flag(args, 'provider');
  if (!provider) throw new UsageError('webhook needs --provider mango|zadarma');
  if (!PROVIDERS.includes(provider)) throw new Refusal(`Unknown provider "${provider}". Allowed: mango, zadarma`);
  const form = queryOf(flag(args, 'form'));
  const query = queryOf(flag(args, 'query'));
  const execUrl = office.deployWebApp('sheet');
  const path = flag(args, 'path') ?? '';
  const web = office.workspace.webApp;
  const reply = args.flags.get
    ? web.get(webhookUrl(execUrl, provider, path, [query, form].filter(Boolean).join('&')))
    : web.post(webhookUrl(execUrl, provider, path, query), form, 'application/x-www-form-urlencoded');
  return { status: reply.status, body: reply.text };
}

/** `crm pbx-secret --json` → {"secret"}: made now if setup has not made it (the PBX setup view's). */
export function pbxSecretCommand(office: Office): { secret: string } {
  return { secret: office.rpc.getPbxSetup().secret };
}
