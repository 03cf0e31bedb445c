// One way to say a thing in the office's language: a catalog per language, `{name}` placeholders filled from an
// object (a DTO can be passed as is). The server's messages, the event log's and each sidebar's use it.

import type { Locale } from './locale';

/** A part's words in every language: English names the keys, and every other language must give exactly those. */
export type Languages<K extends string> = { en: Record<K, string> } & {
  [L in Exclude<Locale, 'en'>]: Record<NoInfer<K>, string>;
};

export function catalog<K extends string>(languages: Languages<K>) {
  return (locale: Locale, key: K, params: object = {}): string => {
    const values = params as Record<string, unknown>;
    return languages[locale][key].replace(/\{(\w+)\}/g, (m, name: string) =>
      name in values ? String(values[name]) : m,
    );
  };
}
