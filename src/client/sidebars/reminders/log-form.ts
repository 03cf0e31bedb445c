// The "Log an event" form: who (client-field.ts settles it before anything is written), kind, reason, when — the
// picker starts at the next round hour on the office's clock — planned or not, manager, note. A lost answer is retried
// with the same event id and `retry: true`, so the server finds the row the first attempt wrote instead of logging the
// event twice.

import { freshEventId } from '../../../core/events/ids';
import type { Locale } from '../../../core/i18n/locale';
import type { EventView } from '../../../shared/events-dto';
import { byId } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { actingAs } from '../../lib/access';
import { showStatus } from '../../lib/status';
import { ClientField } from './client-field';
import { remindersText } from './strings';
import { nextRoundHour } from './when';

export interface LogFormContext {
  locale(): Locale;
  timeZone(): string;
  /** Now, by the server's clock. */
  now(): number;
  /** Where the Events sheet ended when the screen was read (LogEventInput.eventsEnd). */
  eventsEnd(): number;
  dateOf(iso: string): string;
  /** The event was written: the lists take it in without a reload. */
  logged(event: EventView): void;
}

export class LogForm {
  /** The id of the event being logged, kept until the server confirms: pressing Log again reuses it. */
  private pendingId = '';
  /** The pending id was sent once and no answer came back (or an error did): the next attempt is a retry. */
  private sent = false;
  private readonly form = byId<HTMLFormElement>('log-form');
  private readonly clientField: ClientField;

  constructor(private readonly ctx: LogFormContext) {
    this.clientField = new ClientField({ locale: ctx.locale, dateOf: ctx.dateOf, fail: (e) => this.say(e) });
    // Changing what is being logged makes it another event, with a new id.
    this.form.addEventListener('input', () => {
      this.pendingId = '';
      this.sent = false;
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  /** Puts the picker on the next round hour (office time), unless the user already chose a time. */
  defaultTime(now = this.ctx.now()): void {
    const at = byId<HTMLInputElement>('log-at');
    if (!at.value) at.value = nextRoundHour(now, this.ctx.timeZone());
  }

  /** The form's own status line, next to the button (and the same at the top). */
  private say(what: unknown, kind: 'ok' | 'error' | 'muted' = 'error'): void {
    const text =
      kind === 'error'
        ? remindersText(this.ctx.locale(), 'error', { message: what instanceof Error ? what.message : String(what) })
        : String(what);
    const el = byId('log-status');
    el.className = `status ${kind}`;
    el.textContent = text;
    showStatus(text, kind);
  }

  private async submit(): Promise<void> {
    const button = byId<HTMLButtonElement>('log-submit');
    if (!byId<HTMLInputElement>('log-client').value.trim()) return;
    const at = byId<HTMLInputElement>('log-at').value;
    const manager = byId<HTMLSelectElement>('log-manager').value;
    button.disabled = true;
    try {
      // Who it is for, settled before anything is written: a text that is not ONE client shows the choices instead.
      const who = await this.clientField.settled();
      if (!who) {
        this.say(remindersText(this.ctx.locale(), 'needClient'), 'muted');
        return;
      }
      if (!this.pendingId) {
        this.pendingId = freshEventId(Date.now(), Math.random);
        this.sent = false;
      }
      const retry = this.sent;
      const eventsEnd = this.ctx.eventsEnd();
      this.sent = true;
      const logged = await rpc.logEvent({
        ...who,
        kind: byId<HTMLSelectElement>('log-kind').value,
        reason: byId<HTMLSelectElement>('log-reason').value,
        ...(at ? { at } : {}),
        planned: byId<HTMLInputElement>('log-planned').checked,
        ...(manager ? { manager } : {}),
        note: byId<HTMLTextAreaElement>('log-note').value,
        id: this.pendingId,
        ...(retry ? { retry: true } : {}),
        ...(eventsEnd ? { eventsEnd } : {}),
        ...actingAs(),
      });
      this.pendingId = '';
      this.sent = false;
      this.form.reset();
      this.clientField.reset();
      this.defaultTime();
      this.say(remindersText(this.ctx.locale(), 'logged', { kind: logged.kind, client: logged.client }), 'ok');
      this.ctx.logged(logged);
    } catch (e) {
      this.say(e);
    } finally {
      button.disabled = false;
    }
  }
}
