// SMS.ru behind the SmsGateway port (https://sms.ru/api/send). One POST to /sms/send per batch of at most 100 numbers
// ("до 100 номеров за запрос"), each number with its own text in SMS.ru's documented form `to[79255070602]=text`,
// json=1 for a JSON answer:
//   {"status":"OK","status_code":100,"sms":{"79255070602":{"status":"OK","status_code":100,"sms_id":"000000-10000000"},
//    "74993221627":{"status":"ERROR","status_code":207,"status_text":"…"}},"balance":4122.56}
// A request-level "status":"ERROR" (200 wrong api_id, 201 not enough money, 204 sender not approved…) throws, naming
// SMS.ru and its code; a number's ERROR is that number's refusal; a number the answer does not mention is unknown.
// Numbers go without the '+' (SMS.ru's examples are digits only). The api_id is the secret setting smsApiKey.

import type { SmsGateway, SmsMessage, SmsOutcome, SmsSendResult } from '../../core/sms/gateway';
import { checkBatch, FormFields, numberOf, postForm, reasonOf, record } from './post-form';

export const SMSRU_SEND_URL = 'https://sms.ru/sms/send';
/** SMS.ru: "до 100 номеров" in one request. */
export const SMSRU_BATCH = 100;
const NAME = 'SMS.ru';

export interface SmsRuOptions {
  apiId: string;
  /** Settings smsSender: an approved sender name; empty: the account's default. */
  sender?: string;
}

export function smsRuGateway(options: SmsRuOptions): SmsGateway {
  return {
    name: 'smsru',
    batchSize: SMSRU_BATCH,
    send(messages: SmsMessage[]): SmsSendResult {
      if (messages.length === 0) return { outcomes: [] };
      checkBatch(NAME, messages, SMSRU_BATCH);
      const fields: Array<readonly [string, string]> = [
        ['api_id', options.apiId],
        ['json', '1'],
      ];
      if (options.sender) fields.push(['from', options.sender]);
      for (const m of messages) fields.push([`to[${m.to.slice(1)}]`, m.text]);
      return readSmsRuAnswer(postForm(NAME, SMSRU_SEND_URL, fields as FormFields), messages);
    },
  };
}

export function readSmsRuAnswer(answer: unknown, messages: SmsMessage[]): SmsSendResult {
  const top = record(answer);
  if (top.status !== 'OK') {
    const code = top.status_code ?? 'no status';
    throw new Error(`${NAME} refused the request: ${reasonOf(code, top.status_text)}`);
  }
  const perNumber = record(top.sms);
  const outcomes = messages.map((m): SmsOutcome => {
    const digits = m.to.slice(1);
    const one = perNumber[digits] ?? perNumber[m.to];
    if (one === undefined) return { to: m.to, state: 'unknown' };
    const r = record(one);
    if (r.status === 'OK') return { to: m.to, state: 'accepted', ...(r.sms_id ? { id: String(r.sms_id) } : {}) };
    return { to: m.to, state: 'refused', reason: reasonOf(r.status_code, r.status_text) || 'ERROR' };
  });
  const balance = numberOf(top.balance);
  return balance === undefined ? { outcomes } : { outcomes, balance };
}
