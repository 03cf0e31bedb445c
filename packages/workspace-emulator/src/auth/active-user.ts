// Who an execution's Session names. Google, https://developers.google.com/apps-script/reference/base/user#getEmail() :
//   "If security policies do not allow access to the user's email address, this method returns a blank string. The
//   circumstances in which the email address is available vary: for example, the user's email address is not
//   available in any context that allows a script to run without that user's authorization, like a simple onOpen(e)
//   or onEdit(e) trigger, a custom function in Google Sheets, or a web app deployed to "execute as me" (that is,
//   authorized by the developer instead of the user). However, these restrictions generally do not apply if the
//   developer runs the script themselves or belongs to the same Google Workspace domain as the user."
// and Session.getEffectiveUser(): "If the script is a web app set to 'execute as me' (the developer), this returns
// the developer's user account. If the script is running under an installable trigger, this returns the account of
// the user who created the trigger. In most other circumstances, this returns the same account as getActiveUser()."
// (https://developers.google.com/apps-script/reference/base/session).
//
// We are stricter than "generally": the e-mail is the user's only when the user is the script's owner, or when the
// user authorised this run AND is in the owner's Workspace domain (a consumer account such as gmail.com never is).
// A simple trigger run by a colleague of the owner's domain is therefore blank here (Google may show it: UNVERIFIED).
// The data a run reaches stays the owner's (the office account's): only what Session says depends on the user.

/** A person using the script: their Google account. */
export interface ScriptUser {
  email: string;
  /** A consumer account (gmail.com) rather than one of a Workspace domain; default: judged by the address. */
  consumer?: boolean;
}

/** Who runs one execution, as the platform knows it. */
export interface ExecutionIdentity {
  /** The person whose action started the run; none for a time-driven trigger or an anonymous web-app visitor. */
  user?: ScriptUser;
  /** The account the run executes as, when not the user's: an installable trigger's creator, "execute as me". */
  account?: string;
  /** False where Google runs code without the user's authorisation (custom function, "execute as me" web app). */
  userAuthorized?: boolean;
}

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export function isConsumer(user: ScriptUser): boolean {
  return user.consumer ?? CONSUMER_DOMAINS.has(domainOf(user.email));
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Session.getActiveUser().getEmail() in a run with `identity` of a script owned by `owner` ('' where Google blanks). */
export function activeUserEmail(identity: ExecutionIdentity, limited: boolean, owner: string): string {
  const user = identity.user;
  if (!user) return identity.account && identity.userAuthorized !== false ? identity.account : '';
  if (same(user.email, owner)) return user.email;
  if (limited || identity.userAuthorized === false) return '';
  const colleague = !isConsumer(user) && !isConsumer({ email: owner }) && domainOf(user.email) === domainOf(owner);
  return colleague ? user.email : '';
}

/** Session.getEffectiveUser().getEmail(): the account the run executes as. */
export function effectiveUserEmail(identity: ExecutionIdentity, limited: boolean, owner: string): string {
  if (identity.account) return identity.account;
  if (limited) return activeUserEmail(identity, limited, owner);
  return identity.user?.email ?? owner;
}

/** A run nobody said otherwise of: the owner runs it themselves. */
export const ownerRuns = (owner: string): ExecutionIdentity => ({ user: { email: owner } });
