// The office's SMS gateway from its Settings (smsGateway, smsApiKey / smscLogin + smscPassword): the one place the
// mailing engine gets an SmsGateway from. A gateway that is not set up is a refusal the sidebar and the CLI show.

import type { SmsGateway } from '../../core/sms/gateway';
import type { OfficeSettings } from '../../core/settings/read';

export type OpenedGateway = { ok: true; gateway: SmsGateway } | { ok: false; problem: string };

/** The gateway Settings name, or why none can be used (no gateway chosen, its key missing). */
export function openSmsGateway(settings: OfficeSettings): OpenedGateway {
  const name = settings.get('smsGateway');
  return { ok: false, problem: name === 'none' ? 'No SMS gateway is set up (Settings → smsGateway).' : name };
}
