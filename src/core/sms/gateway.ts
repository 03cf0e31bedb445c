// The port every SMS gateway sits behind (SMS.ru, SMSC: server/sms), so the mailing engine decides who gets what and
// the adapter only speaks its gateway's HTTP. Numbers are E.164 ("+79123456789"); the engine never hands over others.

export interface SmsMessage {
  /** E.164. */
  to: string;
  text: string;
}

/** What the gateway said for one number. */
export interface SmsOutcome {
  to: string;
  /** accepted: the gateway took it (queued or sent); refused: it said no for this number; unknown: no answer for it. */
  state: 'accepted' | 'refused' | 'unknown';
  /** The gateway's id for the message, when it gave one. */
  id?: string;
  /** The gateway's own words for a refusal (its code and text), never the message itself. */
  reason?: string;
}

export interface SmsSendResult {
  outcomes: SmsOutcome[];
  /** The account's balance after the request, when the gateway tells it (in the gateway's currency). */
  balance?: number;
}

export interface SmsGateway {
  /** 'smsru' | 'smsc' | 'dry-run': said in results and logs. */
  readonly name: string;
  /** At most this many messages per send() (SMS.ru: 100 numbers per request). */
  readonly batchSize: number;
  /**
   * Sends one batch. A failure of the whole request (network, a bad key, no money) throws an Error whose message
   * names the gateway and its code; a refusal of single numbers comes back as their outcomes.
   */
  send(messages: SmsMessage[]): SmsSendResult;
}
