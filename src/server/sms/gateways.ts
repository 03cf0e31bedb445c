// The office's SMS gateway from its Settings (smsGateway, smsApiKey / smscLogin + smscPassword): the one place the
// mailing engine gets an SmsGateway from. A gateway that is not set up is a refusal the sidebar and the CLI show, in
// the office's language. The keys are secret settings (script properties, core/settings/secret.ts): read here only,
// handed to the adapter, never logged, never put in a refusal.

import type { SmsGateway } from '../../core/sms/gateway';
import type { OfficeSettings } from '../../core/settings/read';
import { t } from '../../core/i18n/messages';
import { smsRuGateway } from './smsru';
import { smscGateway } from './smsc';

export type OpenedGateway = { ok: true; gateway: SmsGateway } | { ok: false; problem: string };

/** The gateway Settings name, or why none can be used (no gateway chosen, its key missing). */
export function openSmsGateway(settings: OfficeSettings): OpenedGateway {
  const name = settings.get('smsGateway');
  const locale = settings.locale;
  const sender = settings.get('smsSender').trim();
  if (name === 'smsru') {
    const apiId = settings.get('smsApiKey').trim();
    if (!apiId) return { ok: false, problem: t(locale, 'smsNoApiKey') };
    return { ok: true, gateway: smsRuGateway({ apiId, sender }) };
  }
  if (name === 'smsc') {
    const login = settings.get('smscLogin').trim();
    const password = settings.get('smscPassword');
    if (!login || !password) return { ok: false, problem: t(locale, 'smsNoSmscLogin') };
    return { ok: true, gateway: smscGateway({ login, password, sender }) };
  }
  return { ok: false, problem: t(locale, 'smsNoGateway') };
}
