// The open message, read with the per-message token Gmail hands each event: the add-on holds only
// gmail.addons.current.message.metadata, which covers the sender and the subject but not the body (platform.md §5).

import { MailAddress, parseMailAddress } from '../../core/email-address';
import { AddonEvent } from './event';

function openMessage(e: AddonEvent): GoogleAppsScript.Gmail.GmailMessage | undefined {
  const gmail = (e as unknown as { gmail?: { messageId?: string; accessToken?: string } }).gmail;
  if (!gmail?.messageId || !gmail.accessToken) return undefined;
  GmailApp.setCurrentMessageAccessToken(gmail.accessToken);
  return GmailApp.getMessageById(gmail.messageId);
}

/** The sender (two requests: the message, its From header); undefined without a message or a usable address. */
export function messageSender(e: AddonEvent): MailAddress | undefined {
  const message = openMessage(e);
  return message ? parseMailAddress(message.getFrom()) : undefined;
}

export function messageSubject(e: AddonEvent): string {
  const message = openMessage(e);
  return message ? message.getSubject() : '';
}
