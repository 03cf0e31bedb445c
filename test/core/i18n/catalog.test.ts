// The one message-catalog rule: English names the keys, every other language must give exactly those (checked by
// `npm run typecheck`, which compiles this file), and `{name}` placeholders are filled from an object.

import { catalog } from '../../../src/core/i18n/catalog';

const text = catalog({
  en: { hello: 'Hello, {name}', bye: 'Bye' },
  ru: { hello: 'Здравствуйте, {name}', bye: 'До свидания' },
  ka: { hello: 'გამარჯობა, {name}', bye: 'ნახვამდის' },
});

test('a message in the office language, its placeholders filled and unknown ones left as written', () => {
  expect(text('ru', 'hello', { name: 'Анна' })).toBe('Здравствуйте, Анна');
  expect(text('en', 'hello')).toBe('Hello, {name}');
  expect(text('ka', 'bye')).toBe('ნახვამდის');
});

test('a language missing a key, or carrying one English does not have, does not compile', () => {
  const build = () => {
    catalog({
      en: { hello: 'Hello', bye: 'Bye' },
      // @ts-expect-error: no "bye" in Russian
      ru: { hello: 'Здравствуйте' },
      ka: { hello: 'გამარჯობა', bye: 'ნახვამდის' },
    });
    catalog({
      en: { hello: 'Hello' },
      ru: { hello: 'Здравствуйте' },
      // @ts-expect-error: "bye" is not an English key
      ka: { hello: 'გამარჯობა', bye: 'ნახვამდის' },
    });
  };
  expect(build).not.toThrow();
});
