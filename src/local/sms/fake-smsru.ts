// A strict fake of SMS.ru's /sms/send on the emulator's network (https://sms.ru/api/send), for tests and the
// sandbox. It answers as the documentation shows: json=1 gives
//   {"status":"OK","status_code":100,"sms":{"<number>":{"status":"OK","status_code":100,"sms_id":"…"}|
//    {"status":"ERROR","status_code":207,"status_text":"…"}},"balance":N}
// and a refused request {"status":"ERROR","status_code":N,"status_text":"…"}. Both documented send forms are read:
// to=<comma list>&msg=<text>, and to[<number>]=<text> for a text per number.
// Request-level refusals: 200 wrong api_id, 201 not enough money (nothing is sent), 203 no text, 204 a sender name
// not approved, 207 more than 100 numbers. A number that is not 8–15 digits: that number's 202. Without json=1 the
// plain-text answer ("100\n<id>\nbalance=N"), which a client expecting JSON cannot read.
// UNVERIFIED (no reachable source): the request-level codes' texts other than 207's, that more than 100 numbers
// refuse the whole request, that a short balance sends nothing rather than part, that '+' before a number is taken.

import type { RouteReply, UrlFetchNetwork } from 'workspace-emulator';
import { decode, FakeSms, FakeSmsAccount, field, money, readForm, routable, smsParts } from './form';

export const SMSRU_PREFIX = 'https://sms.ru/sms/send';
const MAX_NUMBERS = 100;

const TEXTS: Record<number, string> = {
  200: 'Неправильный api_id',
  201: 'Не хватает средств на лицевом счету',
  202: 'Неправильно указан номер телефона получателя, либо на него нет маршрута',
  203: 'Нет текста сообщения',
  204: 'Имя отправителя не согласовано с администрацией',
  207: 'На этот номер (или один из номеров) нельзя отправлять сообщения, либо указано более 100 номеров в списке получателей',
};

export interface FakeSmsRuOptions {
  apiId: string;
  balance?: number;
  price?: number;
  /** Approved sender names (`from`); an empty `from` is the account's default and always allowed. */
  senders?: string[];
}

export function routeFakeSmsRu(network: UrlFetchNetwork, options: FakeSmsRuOptions): FakeSmsAccount {
  const account: FakeSmsAccount = { sent: [], requests: 0, balance: options.balance ?? 100, price: options.price ?? 1 };
  let seq = 0;
  network.route(SMSRU_PREFIX, (request): RouteReply => {
    account.requests += 1;
    const form = readForm(request);
    const json = field(form, 'json') === '1';
    const answer = (body: Record<string, unknown>, plain: string): RouteReply =>
      json
        ? { headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }
        : { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: plain };
    const refuse = (code: number) =>
      answer({ status: 'ERROR', status_code: code, status_text: TEXTS[code] }, String(code));

    if (field(form, 'api_id') !== options.apiId) return refuse(200);
    const sender = field(form, 'from') ?? '';
    if (sender && !(options.senders ?? []).includes(sender)) return refuse(204);
    const wanted: Array<{ to: string; text: string }> = [];
    const perNumber = form.filter((e) => e.name === 'to' && e.key !== undefined);
    if (perNumber.length) for (const e of perNumber) wanted.push({ to: e.key!, text: decode(e.bytes, 'utf-8') });
    else {
      const msg = field(form, 'msg') ?? '';
      for (const to of (field(form, 'to') ?? '').split(',').map((s) => s.trim()))
        if (to) wanted.push({ to, text: msg });
    }
    if (wanted.length > MAX_NUMBERS) return refuse(207);
    if (wanted.length === 0 || wanted.some((w) => w.text.trim() === '')) return refuse(203);
    const valid = wanted.filter((w) => routable(w.to));
    const cost = valid.reduce((sum, w) => sum + smsParts(w.text) * account.price, 0);
    if (cost > account.balance + 1e-9) return refuse(201);

    const sms: Record<string, unknown> = {};
    const lines = ['100'];
    for (const w of wanted) {
      if (!routable(w.to)) {
        sms[w.to] = { status: 'ERROR', status_code: 202, status_text: TEXTS[202] };
        lines.push('202');
        continue;
      }
      seq += 1;
      const id = `${String(seq).padStart(6, '0')}-${10000000 + seq}`;
      const taken: FakeSms = { gateway: 'smsru', to: w.to, text: w.text, id, sender, parts: smsParts(w.text) };
      account.sent.push(taken);
      account.balance -= taken.parts * account.price;
      sms[w.to] = { status: 'OK', status_code: 100, sms_id: id };
      lines.push(id);
    }
    const balance = Number(money(account.balance));
    lines.push(`balance=${money(account.balance)}`);
    return answer({ status: 'OK', status_code: 100, sms, balance }, lines.join('\n'));
  });
  return account;
}
