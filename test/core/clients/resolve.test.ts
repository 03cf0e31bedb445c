// The one resolver: what a typed or passed text names among the office's clients.

import { resolveClientText } from '../../../src/core/clients';
import type { ResolveView } from '../../../src/shared/clients-dto';
import { OFFICE, summary } from './summaries';

const resolve = (text: string, clients = OFFICE) => resolveClientText(text, clients, { defaultCountry: 'RU' });
const oneId = (view: ResolveView) => (view.kind === 'one' ? view.client.resourceName : view.kind);
const candidates = (view: ResolveView) => (view.kind === 'several' ? view.candidates.map((c) => c.resourceName) : []);

test('two namesakes are candidates, never a guess: by the full name, reversed, or the family name alone', () => {
  expect(candidates(resolve('Мария Петрова'))).toEqual(['people/c1', 'people/c2']);
  expect(candidates(resolve('Петрова Мария'))).toEqual(['people/c1', 'people/c2']);
  expect(candidates(resolve('Петрова'))).toEqual(['people/c1', 'people/c2']);
  // The candidates carry what tells them apart.
  const view = resolve('петрова');
  expect(view.kind === 'several' && view.candidates.map((c) => [c.phones, c.labels, c.lastContact])).toEqual([
    [['+79123456789'], ['VIP'], '2026-02-20T10:00:00.000Z'],
    [['+79990001122'], ['Постоянный'], null],
  ]);
});

test('a unique name is one client: exact, reversed, by prefixes, any case', () => {
  expect(oneId(resolve('Козлова Елена Петровна'))).toBe('people/c3');
  expect(oneId(resolve('КОЗЛОВА   елена петровна'))).toBe('people/c3');
  expect(oneId(resolve('Козлова Ел'))).toBe('people/c3');
  expect(oneId(resolve('Елена Козлова'))).toBe('people/c3');
  expect(oneId(resolve('Петровна Козлова Елена'))).toBe('people/c3');
  // "Козлова А" is only Анна; "Козлова" is both.
  expect(oneId(resolve('Козлова А'))).toBe('people/c4');
  expect(candidates(resolve('Козлова'))).toEqual(['people/c4', 'people/c3']);
  // Without the namesake, the reversed name is one.
  expect(oneId(resolve('Петрова Мария', OFFICE.slice(1)))).toBe('people/c2');
});

test('each typed word must start a different word of the name', () => {
  // One "Елена" cannot answer two typed words.
  expect(resolve('Ел Ел Козлова').kind).toBe('none');
  expect(resolve('Елена Елена').kind).toBe('none');
  // "Ол" may start "Ольга" or "Олег": with "Ел" only Елкина Ольга has both.
  expect(oneId(resolve('Ол Ел'))).toBe('people/c5');
  expect(resolve('Козлова Елена Петровна Смит').kind).toBe('none');
});

test('a unique exact full name wins over longer names that start the same; two exact ones stay candidates', () => {
  const clients = [summary('people/a', 'Петрова Мария'), summary('people/b', 'Петрова Мария Ивановна')];
  expect(oneId(resolve('Мария Петрова', clients))).toBe('people/a');
  expect(candidates(resolve('Мария Пет', clients))).toEqual(['people/a', 'people/b']);
});

test('ё is е, in the query and in the name', () => {
  expect(oneId(resolve('ёлкина'))).toBe('people/c5');
  expect(oneId(resolve('Ёлкина Ольга'))).toBe('people/c5');
  expect(oneId(resolve('елкина', [summary('people/y', 'Ёлкина Ольга')]))).toBe('people/y');
});

test('a phone in the office’s spelling, in E.164, or a tail of six digits or more', () => {
  expect(oneId(resolve('8 (912) 345-67-89'))).toBe('people/c1');
  expect(oneId(resolve('+7 912 345 67 89'))).toBe('people/c1');
  expect(oneId(resolve('9123456789'))).toBe('people/c1');
  expect(oneId(resolve('4567 89'))).toBe('people/c1');
  expect(oneId(resolve('456789'))).toBe('people/c1');
  expect(oneId(resolve('+995 555 12 34 56'))).toBe('people/c5');
  // Two numbers ending the same: candidates; five digits are too few to be a phone (and no name).
  expect(
    candidates(resolve('111-22-33 ', [...OFFICE, summary('people/z', 'Зайцев', { phones: ['+79031112233'] })])),
  ).toEqual(['people/z', 'people/c3']);
  expect(resolve('67-89').kind).toBe('none');
  expect(resolve('+7 900 000-00-00')).toEqual({ kind: 'none', query: '+7 900 000-00-00' });
});

test('an e-mail in any case; a resourceName as is', () => {
  expect(oneId(resolve('Maria.Petrova@EXAMPLE.ru'))).toBe('people/c1');
  expect(resolve('nobody@example.ru').kind).toBe('none');
  expect(oneId(resolve('people/c6'))).toBe('people/c6');
  expect(resolve('people/c999').kind).toBe('none');
  expect(resolve('   ')).toEqual({ kind: 'none', query: '' });
});
