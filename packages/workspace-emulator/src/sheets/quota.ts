// The Sheets API's per-minute quotas: "Read requests: per minute per user per project 60", the same for writes, each
// refilled every minute (https://developers.google.com/sheets/api/limits). Counted on the virtual clock, per clock
// minute, per project and account. The per-project limit (300/min over all users) cannot bite first for the
// one account a project runs as, so it is not modelled.

import { ServiceContext } from '../context';
import { HTTP, sheetsQuotaSentence } from '../errors';

export const SHEETS_PER_MINUTE = 60;

type Kind = 'read' | 'write';

const METRIC: Record<Kind, 'Read requests' | 'Write requests'> = { read: 'Read requests', write: 'Write requests' };

/** Usage per context (one Workspace): key `kind|project|email` → minute and requests in it. */
const usage = new WeakMap<ServiceContext, Map<string, { minute: number; used: number }>>();

/** Counts one request, or refuses it with the 429 Google sends. */
export function useQuota(ctx: ServiceContext, api: string, kind: Kind, project: string): void {
  usePerMinute(ctx, api, kind, project, { service: 'sheets', limit: SHEETS_PER_MINUTE });
}

/**
 * The same per-user-per-project minute quota for another Google REST API (`service` as in its host name, e.g.
 * 'docs'), with its own limit: counted per clock minute, per project and account, apart from other APIs'.
 */
export function usePerMinute(
  ctx: ServiceContext,
  api: string,
  kind: Kind,
  project: string,
  quota: { service: string; limit: number },
): void {
  let byKey = usage.get(ctx);
  if (!byKey) usage.set(ctx, (byKey = new Map()));
  const key = `${quota.service}|${kind}|${project}|${ctx.session.email}`;
  const minute = Math.floor(ctx.clock.now() / 60_000);
  const slot = byKey.get(key);
  const used = slot && slot.minute === minute ? slot.used : 0;
  if (used >= quota.limit) throw HTTP.quota(api, sheetsQuotaSentence(METRIC[kind], quota.service));
  byKey.set(key, { minute, used: used + 1 });
}
