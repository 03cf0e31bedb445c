// The funnel from the office's own reasons: the stages the Lists sheet marks (core/events/lists.ts parseFunnelStages),
// each counting the distinct clients with a done event of that stage in the period, and the conversion from the
// stage before. An event matches a stage by the Lists row — its reason or one of the row's former names — so a stage
// the office renamed still counts the events logged under the old word.

import type { FunnelStageRow } from '../../shared/reports-dto';
import type { FunnelStage } from '../events/lists';
import { headerKey } from '../sheets/template';
import { inContext, ReportContext, ReportEvent } from './inputs';

export function funnel(events: ReportEvent[], stages: FunnelStage[], ctx: ReportContext): FunnelStageRow[] {
  const stageOf = new Map<string, number>();
  stages.forEach((stage, i) => {
    for (const name of stage.names) {
      const key = headerKey(name);
      // A word on two rows belongs to the earlier stage: one event is one step.
      if (key && !stageOf.has(key)) stageOf.set(key, i);
    }
  });
  const clients = stages.map(() => new Set<string>());
  for (const event of events) {
    if (event.status !== 'done' || !inContext(ctx, event.at)) continue;
    const i = stageOf.get(headerKey(event.reason));
    const client = ctx.clientOf(event);
    if (i !== undefined && client) clients[i].add(client);
  }
  return stages.map((stage, i) => {
    const count = clients[i].size;
    const before = i > 0 ? clients[i - 1].size : 0;
    return { stage: stage.name, count, conversion: before ? Math.round((count / before) * 1000) / 1000 : null };
  });
}
