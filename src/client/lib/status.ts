// The status line at the foot of every sidebar (role="status"): what just happened, or what went wrong.

import { byId } from './dom';

export function showStatus(text: string, kind: 'ok' | 'error' | 'muted' = 'muted'): void {
  const el = byId('status');
  el.className = `status ${kind}`;
  el.textContent = text;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
