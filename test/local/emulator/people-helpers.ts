import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { createPeople } from 'workspace-emulator';
import { PeopleStore } from 'workspace-emulator';

export const EMAIL = 'office@example.com';

export function setup(start = '2024-03-01T09:00:00Z', json?: unknown) {
  const clock = new VirtualClock(start);
  const calls = new CallLog();
  const faults = new FaultInjector(1);
  const ctx = new ServiceContext(clock, calls, faults, { email: EMAIL, locale: 'ru', timeZone: 'Europe/Moscow' });
  const store = PeopleStore.fromJSON(json);
  const People = createPeople(store, ctx);
  return { clock, calls, faults, ctx, store, People };
}

/** The error a call throws, as a script would see it: message and HTTP code/status. */
export function failure(fn: () => unknown): { message: string; code?: number; status?: string } {
  try {
    fn();
  } catch (e) {
    const err = e as Error & { details?: { code: number; status: string } };
    return { message: err.message, code: err.details?.code, status: err.details?.status };
  }
  return { message: '(no error)' };
}

export const person = (given: string, family: string, extra: Record<string, unknown> = {}) => ({
  names: [{ givenName: given, familyName: family }],
  ...extra,
});
