// Session: who the script runs as, their locale and the script's time zone. Who the active and the effective user
// are, and when Google blanks them, is auth/active-user.ts; outside an execution the account answers.
// https://developers.google.com/apps-script/reference/base/session

import { createHash } from 'node:crypto';
import { ServiceContext } from '../context';
import { activeUserEmail, effectiveUserEmail, ownerRuns } from '../auth/active-user';
import { Emulated } from './emulated';
import { ScriptProject } from './project';

type UserApi = Emulated<GoogleAppsScript.Base.User, 'getEmail'>;

export class User implements UserApi {
  readonly #email: string;

  constructor(email: string) {
    this.#email = email;
  }

  getEmail(): string {
    return this.#email;
  }
}

type SessionApi = Emulated<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
>;

/** Google rotates the temporary key every 30 days. */
const KEY_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;

class SessionEmulation implements SessionApi {
  readonly #ctx: ServiceContext;
  readonly #project: ScriptProject | undefined;

  constructor(ctx: ServiceContext, project: ScriptProject | undefined) {
    this.#ctx = ctx;
    this.#project = project;
  }

  getActiveUser(): User {
    return this.#ctx.local('Session.getActiveUser', () => new User(this.#email(activeUserEmail)));
  }

  getEffectiveUser(): User {
    return this.#ctx.local('Session.getEffectiveUser', () => new User(this.#email(effectiveUserEmail)));
  }

  #email(rule: typeof activeUserEmail): string {
    const exec = this.#ctx.execution;
    const owner = this.#ctx.session.email;
    return rule(exec?.identity ?? ownerRuns(owner), exec?.authMode === 'LIMITED', owner);
  }

  getActiveUserLocale(): string {
    return this.#ctx.local('Session.getActiveUserLocale', () => this.#ctx.session.locale);
  }

  getScriptTimeZone(): string {
    return this.#ctx.local('Session.getScriptTimeZone', () => this.#ctx.session.timeZone);
  }

  /** "The temporary key rotates every 30 days and is unique to the script": opaque, never the e-mail itself. */
  getTemporaryActiveUserKey(): string {
    return this.#ctx.local('Session.getTemporaryActiveUserKey', () => {
      const period = Math.floor(this.#ctx.clock.now() / KEY_PERIOD_MS);
      // Unique to the person even where their e-mail is blank.
      const person = this.#ctx.execution?.identity?.user?.email ?? this.#ctx.session.email;
      const seed = `${this.#project ?? ''}\n${person}\n${period}`;
      return createHash('sha256').update(seed).digest('base64url').slice(0, 43);
    });
  }
}

/** `project` makes the temporary key differ per script, as Google's does; pass it when known. */
export function createSession(ctx: ServiceContext, project?: ScriptProject): SessionEmulation {
  return new SessionEmulation(ctx, project);
}
