// The web app's guard: the shared secret compared whole, in time that does not depend on where a guess goes wrong.

import { MIN_SECRET_CHARS, sameSecret } from '../../src/core/secret';

const SECRET = 'f3a9c1e07b2d48e6a5c9d0b1e2f3a4b5c6d7e8f9';

test('only the exact secret matches', () => {
  expect(sameSecret(SECRET, SECRET)).toBe(true);
  expect(sameSecret(SECRET.slice(0, -1), SECRET)).toBe(false);
  expect(sameSecret(`${SECRET}0`, SECRET)).toBe(false);
  expect(sameSecret(SECRET.replace(/^./, '0'), SECRET)).toBe(false);
  expect(sameSecret(SECRET.toUpperCase(), SECRET)).toBe(false);
  expect(sameSecret('', SECRET)).toBe(false);
  expect(sameSecret(undefined, SECRET)).toBe(false);
  expect(sameSecret({ toString: () => SECRET }, SECRET)).toBe(false);
});

test('no secret, or one too short to guard anything, lets nobody in', () => {
  expect(sameSecret('', '')).toBe(false);
  const short = 'x'.repeat(MIN_SECRET_CHARS - 1);
  expect(sameSecret(short, short)).toBe(false);
});
