// The server's check of a right before it does anything (core/roles/roles.ts `can`): a hidden menu item or section
// is a convenience, this is the rule. A refusal is thrown in the office's language and changes nothing.

import type { Capability } from '../../core/roles/roles';
import { may } from '../../core/roles/identity';
import { NOT_ALLOWED } from '../events/messages';
import { OfficeContext } from '../events/office';
import { roleText } from './messages';

/** Throws unless the person acting may do `capability`; `chosen` is a shared-account browser's "who am I". */
export function requireRight(capability: Capability, office = new OfficeContext(), chosen?: string): void {
  // The office account (the owner) is decided without a Staff read (OfficeContext.identity), on its many import calls.
  const who = office.identity(chosen);
  if (may(who, capability)) return;
  const locale = office.locale;
  const note = who.role === 'nobody' && who.email !== '' ? ` ${roleText(locale, 'notOnStaffNote')}` : '';
  const e = new Error(`${roleText(locale, capability)}${note}`);
  e.name = NOT_ALLOWED;
  throw e;
}

/** `fn` behind `requireRight(capability)`: for the api's entry points (triggers call the functions themselves). */
export function guarded<A extends unknown[], R>(capability: Capability, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    requireRight(capability);
    return fn(...args);
  };
}
