// google.script.run targets of the Mailing sidebar and the CLI (shared/mailing-dto.ts); the `mailings` right is checked
// by api.ts. Thin: the engine (engine.ts) decides.

import type { MailingInput, MailingPreview, MailingResult, MailingView } from '../../shared/mailing-dto';
import { OfficeContext } from '../events/office';
import * as engine from './engine';
import { syncMailingTrigger } from './trigger';

export function previewMailing(input: MailingInput): MailingPreview {
  return engine.previewMailing(input, new OfficeContext());
}

export function startMailing(input: MailingInput): MailingResult {
  const result = engine.startMailing(input, new OfficeContext());
  // What today's quota left waits for the daily trigger; what the start had no time for, for a run a minute later.
  if (!input?.dryRun && !result.done) syncMailingTrigger(true, undefined, result.resumesSoon === true);
  return result;
}

export function listMailings(): MailingView[] {
  return engine.listMailings(new OfficeContext());
}

export function stopMailing(input: { id: string }): MailingView {
  return engine.stopMailing(String(input?.id ?? ''), new OfficeContext());
}
