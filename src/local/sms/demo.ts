// The sandbox's SMS gateways: the strict fakes of SMS.ru and SMSC on the emulated network, with the demo office's
// keys. The demo office keeps smsGateway = none, so its mailings are dry runs (the Mailing sidebar shows what would
// go out); an office that switches Settings → smsGateway to smsru or smsc "sends" into these fakes, and the sandbox's
// GET /api/sms lists what each took. Routes live in memory: registered again at every start.

import type { UrlFetchNetwork } from 'workspace-emulator';
import { routeFakeSmsRu } from './fake-smsru';
import { routeFakeSmsc } from './fake-smsc';
import type { FakeSmsAccount } from './form';

export const DEMO_SMS = {
  smsruApiId: 'demo-smsru-api-id',
  smscLogin: 'demo-office',
  smscPassword: 'demo-smsc-password',
} as const;

export interface DemoSmsGateways {
  smsru: FakeSmsAccount;
  smsc: FakeSmsAccount;
}

export function routeDemoSmsGateways(network: UrlFetchNetwork): DemoSmsGateways {
  return {
    smsru: routeFakeSmsRu(network, { apiId: DEMO_SMS.smsruApiId, balance: 500, price: 2.5 }),
    smsc: routeFakeSmsc(network, { login: DEMO_SMS.smscLogin, password: DEMO_SMS.smscPassword, balance: 500 }),
  };
}
