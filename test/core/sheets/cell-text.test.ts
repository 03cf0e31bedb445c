// The one escaping rule for Sheets cells: text Sheets would turn into a formula, a number, a date or a boolean gets an
// apostrophe (which Sheets keeps as the text mark, not as part of the value); everything else is written as it is.

import { sheetCell, sheetsWouldParse, sheetText } from '../../../src/core/sheets/cell-text';
import { neutralizeCell } from '../../../src/core/export/cells';

describe('sheetText', () => {
  test.each([
    ['=1+2.csv'],
    ['=SUM(1)'],
    ['+7 912 345-67-89'],
    ['-звонок не прошёл'],
    ['@anna'],
    ["'already quoted"],
    ['\tindented'],
  ])('a formula start or the text mark is quoted: %s', (text) => {
    expect(sheetText(text)).toBe(`'${text}`);
  });

  test.each([
    ['89123456789'],
    ['007'],
    ['8 (912) 345-67-89'],
    ['12.03.2024'],
    ['12:30'],
    ['1,5'],
    ['50%'],
    ['1e5'],
    ['TRUE'],
    ['false'],
    ['ИСТИНА'],
    ['ложь'],
    ['Jan 2'],
    ['2 января 2026 г.'],
    ['9:30 pm'],
    ['2026-12-01T10:00:00.000Z'],
    [' 42 '],
  ])('number-, date-, phone-shaped text, month-name dates and boolean words (ru too) are quoted: %s', (text) => {
    expect(sheetsWouldParse(text)).toBe(true);
    expect(sheetText(text)).toBe(`'${text}`);
  });

  test.each([
    ['Иванов Иван'],
    ['Заказ на 5 шт.'],
    ['ivanov@example.ru'],
    ['people/c123'],
    ['E1abc-3'],
    [',ivanov@example.ru,+79121112233,'],
    ['{"planned":[]}'],
    ['Truely'],
    [''],
  ])('plain text stays as it is: %s', (text) => {
    expect(sheetText(text)).toBe(text);
  });

  test('a cell of 49,000 digits and a letter is plain text', () => {
    const long = `${'1'.repeat(49_000)}x`;
    expect(sheetText(long)).toBe(long);
  });
});

describe('sheetCell', () => {
  test('numbers, booleans and Dates are written as they are; nothing is an empty cell', () => {
    const when = new Date('2026-03-02T09:00:00Z');
    expect(sheetCell(89123456789)).toBe(89123456789);
    expect(sheetCell(0)).toBe(0);
    expect(sheetCell(true)).toBe(true);
    expect(sheetCell(when)).toBe(when);
    expect(sheetCell(undefined)).toBe('');
    expect(sheetCell(null)).toBe('');
    expect(sheetCell('007')).toBe("'007");
  });
});

describe('the CSV rule differs on purpose', () => {
  test('a file keeps "+7…" phones (in phone columns) and digits readable, Sheets keeps them as text', () => {
    expect(neutralizeCell('+7 912 345-67-89', true)).toBe('+7 912 345-67-89');
    expect(sheetText('+7 912 345-67-89')).toBe("'+7 912 345-67-89");
    expect(neutralizeCell('007')).toBe('007');
    expect(sheetText('007')).toBe("'007");
    expect(neutralizeCell('=SUM(1)')).toBe("'=SUM(1)");
    expect(sheetText('=SUM(1)')).toBe("'=SUM(1)");
  });
});
