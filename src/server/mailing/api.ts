// google.script.run targets of the Mailing sidebar and the CLI (shared/mailing-dto.ts); the `mailings` right is checked
// by api.ts. Thin: the engine (engine.ts) decides.

import type {
  MailingInput,
  MailingPreview,
  MailingResult,
  MailingView,
  SavedTemplate,
  SaveTemplateInput,
} from '../../shared/mailing-dto';
import { mailingText } from '../../core/mailing/messages';
import { saveTemplateDoc } from './template-doc';
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

/** The typed template as a new Doc, checked as a mailing's template is (a body; an e-mail's subject). */
export function saveMailingTemplate(input: SaveTemplateInput): SavedTemplate {
  const office = new OfficeContext();
  const template = engine.templateOf(
    { channel: input?.channel, recipients: {}, body: input?.body, subject: input?.subject },
    office,
  );
  const words = template.subject || template.body.split('\n')[0];
  const title = mailingText(office.locale, 'docTitle', { words: words.slice(0, 60) });
  return saveTemplateDoc(title, template.subject, template.body);
}

export function stopMailing(input: { id: string }): MailingView {
  return engine.stopMailing(String(input?.id ?? ''), new OfficeContext());
}
