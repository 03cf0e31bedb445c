// One way to say a thing in the office's language: a catalog per language, `{name}` placeholders filled from an
// object (a DTO can be passed as is). The server's messages, the event log's and each sidebar's use it.

import type { Locale } from './locale';

export function catalog<K extends string>(languages: Record<Locale, Record<K, string>>) {
  return (locale: Locale, key: K, params: object = {}): string => {
    const values = params as Record<string, unknown>;
    return languages[locale][key].replace(/\{(\w+)\}/g, (m, name: string) =>
      name in values ? String(values[name]) : m,
    );
  };
}
