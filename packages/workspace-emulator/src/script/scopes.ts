// Properties and Cache both keep one store per scope: the project's (script), each user's in it, and the bound
// document's — which only a container-bound project has (the standalone Gmail add-on gets null).

import type { ScriptProject } from './project';

export type ScopeKind = 'script' | 'user' | 'document';

export function scopeKey(kind: ScopeKind, project: ScriptProject, email = ''): string {
  return kind === 'user' ? `user:${project}:${email}` : `${kind}:${project}`;
}

/** The store key a service's getXxx() opens, or null where Apps Script returns null. */
export function scopeFor(kind: ScopeKind, project: ScriptProject, email: string, bound: boolean): string | null {
  if (kind === 'document' && !bound) return null;
  return scopeKey(kind, project, email);
}
