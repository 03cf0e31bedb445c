// SMSC (smsc.ru) behind the SmsGateway port (https://smsc.ru/api/http/send/sms). One POST to /sys/send.php per batch:
// login + psw, fmt=3 (JSON), charset=utf-8 (SMSC reads windows-1251 otherwise), op=1 (a result per number), cost=3
// (the cost and the balance after sending). One text for every number: phones=<comma list> + mes; different texts:
// `list=` with one "phone:text" line per number. Numbers keep their '+': SMSC then sends to them as given instead of
// "correcting" them (its documentation: "to disable auto-correction, pass the number with the '+' sign").
// Answers (fmt=3): {"error":"…","error_code":N} for a refused request; else {"id":…,"cnt":…,"cost":"…","balance":"…",
// "phones":[{"phone":"79…","cost":"…","error":…}]}. Codes 1 (parameters), 2 (login/password), 3 (no money),
// 4 (IP blocked), 5 (date), 9 (too many requests) refuse the whole request: thrown. 6 (message forbidden), 7 (number
// format), 8 (cannot be delivered) say no to the numbers: each is refused with that reason.
// UNVERIFIED: the exact per-number fields with op=1 (read leniently: `phone`, and `error`/`status` when it failed), how
// `list` escapes a line break inside a text (sent as the two characters "\n", as SMSC's libraries do), a batch limit
// (none documented; 100 like SMS.ru keeps each request small).

import type { SmsGateway, SmsMessage, SmsOutcome, SmsSendResult } from '../../core/sms/gateway';
import { checkBatch, numberOf, postForm, reasonOf, record } from './post-form';

export const SMSC_SEND_URL = 'https://smsc.ru/sys/send.php';
export const SMSC_BATCH = 100;
const NAME = 'SMSC';
/** Codes that refuse the numbers (the request itself was understood), not the request. */
const NUMBER_REFUSALS = new Set([6, 7, 8]);

export interface SmscOptions {
  login: string;
  password: string;
  sender?: string;
}

/** A text as one `list` line: its line breaks as "\n" (a raw break would start the next "phone:text" line). */
function listText(text: string): string {
  return text.replace(/\r\n?|\n/g, '\\n');
}

export function smscGateway(options: SmscOptions): SmsGateway {
  return {
    name: 'smsc',
    batchSize: SMSC_BATCH,
    send(messages: SmsMessage[]): SmsSendResult {
      if (messages.length === 0) return { outcomes: [] };
      checkBatch(NAME, messages, SMSC_BATCH);
      const fields: Array<readonly [string, string]> = [
        ['login', options.login],
        ['psw', options.password],
        ['fmt', '3'],
        ['charset', 'utf-8'],
        ['op', '1'],
        ['cost', '3'],
      ];
      if (options.sender) fields.push(['sender', options.sender]);
      const oneText = messages.every((m) => m.text === messages[0].text);
      if (oneText) fields.push(['phones', messages.map((m) => m.to).join(',')], ['mes', messages[0].text]);
      else fields.push(['list', messages.map((m) => `${m.to}:${listText(m.text)}`).join('\n')]);
      return readSmscAnswer(postForm(NAME, SMSC_SEND_URL, fields), messages);
    },
  };
}

const digitsOf = (phone: unknown) => String(phone ?? '').replace(/\D/g, '');

export function readSmscAnswer(answer: unknown, messages: SmsMessage[]): SmsSendResult {
  const top = record(answer);
  const balance = numberOf(top.balance);
  const withBalance = (outcomes: SmsOutcome[]): SmsSendResult =>
    balance === undefined ? { outcomes } : { outcomes, balance };
  if (top.error !== undefined || top.error_code !== undefined) {
    const code = numberOf(top.error_code);
    const reason = reasonOf(top.error_code, top.error);
    if (code !== undefined && NUMBER_REFUSALS.has(code))
      return withBalance(messages.map((m) => ({ to: m.to, state: 'refused', reason })));
    throw new Error(`${NAME} refused the request: ${reason || 'error'}`);
  }
  if (top.id === undefined) throw new Error(`${NAME}: the answer has neither an id nor an error`);
  const id = String(top.id);
  const phones = Array.isArray(top.phones) ? top.phones.map(record) : undefined;
  const outcomes = messages.map((m): SmsOutcome => {
    // Without op=1's list every number of an accepted request was taken.
    if (!phones) return { to: m.to, state: 'accepted', id };
    const one = phones.find((p) => digitsOf(p.phone) === m.to.slice(1));
    if (!one) return { to: m.to, state: 'unknown' };
    const failed =
      one.error !== undefined && one.error !== null && String(one.error) !== '' && String(one.error) !== '0';
    if (failed) return { to: m.to, state: 'refused', reason: reasonOf(one.error, one.status_text ?? '') };
    return { to: m.to, state: 'accepted', id };
  });
  return withBalance(outcomes);
}
