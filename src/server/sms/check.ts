// One batch through the office's configured gateway, outside any mailing: how the CLI and the tests check that the
// Settings (gateway, keys, sender) work against SMS.ru or SMSC. Only an entry point with a trailing underscore calls
// it (never google.script.run): sending is the mailing engine's, with its quota, queue and events.

import type { SmsMessage, SmsSendResult } from '../../core/sms/gateway';
import { OfficeContext } from '../events/office';
import { openSmsGateway } from './gateways';

export type SmsCheckResult = ({ ok: true; gateway: string } & SmsSendResult) | { ok: false; problem: string };

export function sendThroughGateway(messages: SmsMessage[]): SmsCheckResult {
  const opened = openSmsGateway(new OfficeContext().settings);
  if (!opened.ok) return { ok: false, problem: opened.problem };
  try {
    return { ok: true, gateway: opened.gateway.name, ...opened.gateway.send(messages) };
  } catch (e) {
    // The adapters' Errors name the gateway and its code, never a key or a text.
    return { ok: false, problem: e instanceof Error ? e.message : String(e) };
  }
}
