// A strict fake of SMSC's /sys/send.php on the emulator's network (https://smsc.ru/api/http/send/sms), for tests and
// the sandbox. fmt=3 answers JSON: {"id":N,"cnt":parts} (+ "cost","balance" with cost=2/3, + "phones" with op=1), a
// refusal {"error":"…","error_code":N}; any other fmt answers SMSC's plain text, which a JSON client cannot read.
// Recipients: phones=<comma/semicolon list> + mes, or list=<"phone:text" lines> (a "\n" inside a text is a line
// break). Texts are decoded in `charset` (windows-1251 when absent, as SMSC does): UTF-8 sent without charset=utf-8
// arrives garbled. Refusals: 2 wrong login/password, 1 nothing to send, 3 not enough money (nothing is sent), 7 when
// no number is routable; with op=1 a single unroutable number is that number's error 7 while the others go.
// UNVERIFIED (no reachable source): the refusals' texts, the per-number fields with op=1, partial sending when some
// numbers are bad, `list`'s escaping of line breaks.

import type { RouteReply, UrlFetchNetwork } from 'workspace-emulator';
import { decode, FakeSms, FakeSmsAccount, field, money, readForm, routable, smsParts } from './form';

export const SMSC_PREFIX = 'https://smsc.ru/sys/send.php';

const TEXTS: Record<number, string> = {
  1: 'parameters error',
  2: 'authorise error',
  3: 'no money',
  7: 'invalid number',
};

export interface FakeSmscOptions {
  login: string;
  password: string;
  balance?: number;
  price?: number;
  senders?: string[];
}

export function routeFakeSmsc(network: UrlFetchNetwork, options: FakeSmscOptions): FakeSmsAccount {
  const account: FakeSmsAccount = {
    sent: [],
    requests: 0,
    balance: options.balance ?? 100,
    price: options.price ?? 1.5,
  };
  let seq = 0;
  network.route(SMSC_PREFIX, (request): RouteReply => {
    account.requests += 1;
    const form = readForm(request);
    const charset = (field(form, 'charset') ?? 'windows-1251').toLowerCase() === 'utf-8' ? 'utf-8' : 'windows-1251';
    const text = (name: string) => {
      const e = form.find((x) => x.name === name && x.key === undefined);
      return e ? decode(e.bytes, charset) : undefined;
    };
    const json = field(form, 'fmt') === '3';
    const refuse = (code: number): RouteReply =>
      json
        ? {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ error: TEXTS[code], error_code: code }),
          }
        : { headers: { 'Content-Type': 'text/plain' }, body: `ERROR = ${code} (${TEXTS[code]})` };

    if (text('login') !== options.login || text('psw') !== options.password) return refuse(2);
    const sender = text('sender') ?? '';
    const wanted: Array<{ to: string; text: string }> = [];
    const list = text('list');
    if (list !== undefined)
      for (const line of list.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0)
          wanted.push({ to: line.slice(0, colon).trim(), text: line.slice(colon + 1).replace(/\\n/g, '\n') });
      }
    else {
      const mes = text('mes') ?? '';
      for (const to of (text('phones') ?? '').split(/[,;]/).map((s) => s.trim()))
        if (to) wanted.push({ to, text: mes });
    }
    if (wanted.length === 0 || wanted.some((w) => w.text.trim() === '')) return refuse(1);
    const valid = wanted.filter((w) => routable(w.to));
    if (valid.length === 0) return refuse(7);
    const cost = valid.reduce((sum, w) => sum + smsParts(w.text) * account.price, 0);
    if (cost > account.balance + 1e-9) return refuse(3);

    seq += 1;
    const id = seq;
    const phones: Array<Record<string, unknown>> = [];
    let cnt = 0;
    for (const w of wanted) {
      const digits = w.to.replace(/^\+/, '');
      if (!routable(w.to)) {
        phones.push({ phone: digits, mccmnc: '0', cost: '0', error: 7 });
        continue;
      }
      const taken: FakeSms = {
        gateway: 'smsc',
        to: w.to,
        text: w.text,
        id: String(id),
        sender,
        parts: smsParts(w.text),
      };
      account.sent.push(taken);
      account.balance -= taken.parts * account.price;
      cnt += taken.parts;
      phones.push({ phone: digits, mccmnc: '25001', cost: money(taken.parts * account.price) });
    }
    if (!json) return { headers: { 'Content-Type': 'text/plain' }, body: `OK - ${cnt} SMS, ID - ${id}` };
    const body: Record<string, unknown> = { id, cnt };
    const costMode = field(form, 'cost');
    if (costMode === '2' || costMode === '3') body.cost = money(cost);
    if (costMode === '3') body.balance = money(account.balance);
    if (field(form, 'op') === '1') body.phones = phones;
    return { headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
  });
  return account;
}
