// values.batchGet puts its ranges in the URL; the emulator refuses a URL over 8,192 characters as Google's front end
// does. The server splits a read of many scattered rows into URL-sized requests: each must pass the emulator's own
// measure of the URL, in order, with nothing dropped, and a usual read must stay one request.

import { a1, urlSizedChunks } from '../../../src/server/sheets/values-batch';
import { batchGetUrl, SHEETS_LIMITS } from '../../../packages/workspace-emulator/src/sheets/limits';

const ID = '1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ-_abcdef';
const query = (ranges: string[]) => ({
  ranges,
  valueRenderOption: 'UNFORMATTED_VALUE',
  dateTimeRenderOption: 'SERIAL_NUMBER',
});

test('three hundred index rows of a Cyrillic-titled sheet are read in URL-sized requests, none dropped', () => {
  const ranges = Array.from({ length: 300 }, (_, i) => a1('Индекс карточки', `A${2 + i * 7}:D${2 + i * 7}`));
  const chunks = urlSizedChunks(ID, ranges);
  expect(chunks.length).toBeGreaterThan(1);
  expect(chunks.flat()).toEqual(ranges);
  for (const chunk of chunks) expect(batchGetUrl(ID, query(chunk)).length).toBeLessThanOrEqual(SHEETS_LIMITS.urlChars);
  // Not split more than needed: each chunk but the last would overflow with the next range.
  for (let i = 0; i + 1 < chunks.length; i++)
    expect(batchGetUrl(ID, query([...chunks[i], chunks[i + 1][0]])).length).toBeGreaterThan(8_000);
});

test("a day screen's handful of ranges stays one request, and no range means no request", () => {
  const ranges = ['Settings', 'Lists', 'Staff', 'Events!1:10'].map((t) => a1(t));
  expect(urlSizedChunks(ID, ranges)).toEqual([ranges]);
  expect(urlSizedChunks(ID, [])).toEqual([]);
});
