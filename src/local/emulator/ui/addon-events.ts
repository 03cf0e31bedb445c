// The event objects Gmail hands a Workspace add-on: for the homepage trigger, for the contextual trigger of an open
// message, and for a widget action. https://developers.google.com/workspace/add-ons/concepts/event-objects ,
// https://developers.google.com/workspace/add-ons/reference/event-object
//
// commonEventObject carries hostApp, platform, userLocale and timeZone {id, offset in ms from UTC}; a message adds
// `gmail` {messageId, threadId, accessToken}; an action adds commonEventObject.parameters and .formInputs
// ({field: {stringInputs: {value: [...]}}}). The homepage event "omits" the contextual and widget fields. The legacy
// Gmail add-on fields (messageMetadata, formInput, formInputs, parameters) are still delivered, so old-style code
// reading them keeps working; we fill them too.

import type { Workspace } from '../workspace';
import { offsetMinutes } from '../script/time-zone';

type Parameters = Array<{ key: string; value: string }> | Record<string, string>;

function parametersOf(p: Parameters | undefined): Record<string, string> {
  if (!p) return {};
  if (Array.isArray(p)) return Object.fromEntries(p.map((x) => [String(x.key), String(x.value)]));
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));
}

function common(ws: Workspace): Record<string, unknown> {
  const zone = ws.ctx.session.timeZone;
  return {
    hostApp: 'GMAIL',
    platform: 'WEB',
    userLocale: ws.ctx.session.locale,
    timeZone: { id: zone, offset: offsetMinutes(zone, ws.clock.now()) * 60_000 },
  };
}

/**
 * The event of a homepage trigger (no messageId) or of the contextual trigger for an open message. Each call issues a
 * fresh per-message access token, as Gmail does for every event.
 */
export function messageEvent(
  ws: Workspace,
  messageId?: string,
): GoogleAppsScript.Addons.EventObject & Record<string, unknown> {
  const event: Record<string, unknown> = { commonEventObject: common(ws) };
  if (messageId) {
    const message = ws.gmail.message(messageId);
    if (!message) throw new Error(`No message ${messageId} in the emulated Gmail`);
    const accessToken = ws.gmail.issueAccessToken(messageId);
    event.gmail = { messageId, threadId: message.threadId, accessToken };
    event.messageMetadata = { messageId, accessToken };
  }
  return event as GoogleAppsScript.Addons.EventObject & Record<string, unknown>;
}

/** The event of a widget action: the message context (if any), the action's parameters and the card's form values. */
export function actionEvent(
  ws: Workspace,
  messageId: string | undefined,
  parameters: Parameters,
  formInputs: Record<string, string[]>,
): GoogleAppsScript.Addons.EventObject & Record<string, unknown> {
  const event = messageEvent(ws, messageId);
  const params = parametersOf(parameters);
  const inputs: Record<string, string[]> = {};
  for (const [field, values] of Object.entries(formInputs ?? {}))
    inputs[field] = (Array.isArray(values) ? values : [values]).map(String);
  const commonEvent = event.commonEventObject as unknown as Record<string, unknown>;
  commonEvent.parameters = params;
  commonEvent.formInputs = Object.fromEntries(
    Object.entries(inputs).map(([field, value]) => [field, { stringInputs: { value } }]),
  );
  event.parameters = { ...params };
  event.formInput = Object.fromEntries(Object.entries(inputs).map(([field, value]) => [field, value[0]]));
  event.formInputs = Object.fromEntries(Object.entries(inputs).map(([field, value]) => [field, value.slice()]));
  return event;
}
