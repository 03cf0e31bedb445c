// The event objects Gmail hands a Workspace add-on: for the homepage trigger, for the contextual trigger of an open
// message, and for a widget action. https://developers.google.com/workspace/add-ons/concepts/event-objects ,
// https://developers.google.com/workspace/add-ons/reference/event-object
//
// commonEventObject carries hostApp, platform, userLocale and timeZone {id, offset in ms from UTC}; a message adds
// `gmail` {messageId, threadId, accessToken}; an action adds commonEventObject.parameters and .formInputs
// (shaped per widget: form-inputs.ts). The homepage event "omits" the contextual and widget fields. The legacy
// Gmail add-on fields (messageMetadata, formInput, formInputs, parameters) are still delivered, so old-style code
// reading them keeps working; we fill them too.
//
// The user's locale and time zone: Google documents commonEventObject.userLocale and .timeZone as turned on by
// addOns.common.useLocaleFromApp in the manifest AND the https://www.googleapis.com/auth/script.locale scope. So
// they are in our events only when the add-on's manifest (as loaded, Workspace.manifests.gmail) has both; without
// a loaded manifest they are absent too. The legacy top-level userLocale and userTimezone {id, offSet} come under the
// same condition (UNVERIFIED: Google does not say which switch the legacy fields follow; we are strict).

import type { ProjectManifest, Workspace } from '../workspace';
import { offsetMinutes } from '../script/time-zone';
import type { CardJson } from './card-json';
import { formInputsOf, legacyFormInputs, PickedValues } from './form-inputs';
import { SCOPE } from '../auth/member-scopes';

type Parameters = Array<{ key: string; value: string }> | Record<string, string>;

function parametersOf(p: Parameters | undefined): Record<string, string> {
  if (!p) return {};
  if (Array.isArray(p)) return Object.fromEntries(p.map((x) => [String(x.key), String(x.value)]));
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));
}

export const LOCALE_SCOPE = SCOPE.locale;
const MESSAGE_SCOPE_PREFIX = 'https://www.googleapis.com/auth/gmail.addons.current.message.';

/**
 * Whether Gmail hands this add-on the open message (gmail.messageId, threadId, accessToken; legacy messageMetadata):
 * only with a gmail.addons.current.message.* scope, the scopes that let the token read it
 * (https://developers.google.com/workspace/add-ons/concepts/workspace-scopes). UNVERIFIED: the event-objects page
 * says this of Calendar's event fields (calendar.addons.current.event.read), not of Gmail's; we are strict. A
 * manifest without explicit scopes (detected by Apps Script) or none loaded gets them.
 */
export function sharesMessage(manifest: ProjectManifest | undefined): boolean {
  const scopes = manifest?.oauthScopes;
  return !scopes || scopes.some((s) => s.startsWith(MESSAGE_SCOPE_PREFIX));
}

/** Whether Google hands this add-on the user's locale and time zone. */
export function sharesUserLocale(manifest: ProjectManifest | undefined): boolean {
  return !!manifest?.addOns?.common?.useLocaleFromApp && !!manifest.oauthScopes?.includes(LOCALE_SCOPE);
}

/** The user's zone in Gmail's settings (the account's, when the user set none). */
function userZone(ws: Workspace): string {
  return ws.ctx.session.userTimeZone ?? ws.ctx.session.timeZone;
}

function withUserLocale(ws: Workspace, event: Record<string, unknown>): void {
  if (!sharesUserLocale(ws.manifests.gmail)) return;
  const zone = userZone(ws);
  const offset = offsetMinutes(zone, ws.clock.now()) * 60_000;
  Object.assign(event.commonEventObject as Record<string, unknown>, {
    userLocale: ws.ctx.session.locale,
    timeZone: { id: zone, offset },
  });
  event.userLocale = ws.ctx.session.locale;
  event.userTimezone = { id: zone, offSet: String(offset) };
}

/**
 * The event of a homepage trigger (no messageId) or of the contextual trigger for an open message. Each call issues a
 * fresh per-message access token, as Gmail does for every event.
 */
export function messageEvent(
  ws: Workspace,
  messageId?: string,
): GoogleAppsScript.Addons.EventObject & Record<string, unknown> {
  const event: Record<string, unknown> = { commonEventObject: { hostApp: 'GMAIL', platform: 'WEB' } };
  withUserLocale(ws, event);
  if (messageId && sharesMessage(ws.manifests.gmail)) {
    const message = ws.gmail.message(messageId);
    if (!message) throw new Error(`No message ${messageId} in the emulated Gmail`);
    const accessToken = ws.gmail.issueAccessToken(messageId);
    event.gmail = { messageId, threadId: message.threadId, accessToken };
    event.messageMetadata = { messageId, accessToken };
  }
  return event as GoogleAppsScript.Addons.EventObject & Record<string, unknown>;
}

/**
 * The event of a widget action of `card`: the message context (if any), the action's parameters and the card's form
 * values: what the person picked (`picked`, shaped per widget by form-inputs.ts) over what the card was built with.
 */
export function actionEvent(
  ws: Workspace,
  messageId: string | undefined,
  parameters: Parameters,
  picked: PickedValues,
  card?: CardJson,
): GoogleAppsScript.Addons.EventObject & Record<string, unknown> {
  const event = messageEvent(ws, messageId);
  const params = parametersOf(parameters);
  const inputs = formInputsOf(card, picked, userZone(ws));
  const commonEvent = event.commonEventObject as unknown as Record<string, unknown>;
  commonEvent.parameters = params;
  commonEvent.formInputs = inputs;
  event.parameters = { ...params };
  Object.assign(event, legacyFormInputs(inputs));
  return event;
}
