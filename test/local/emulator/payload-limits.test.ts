// The payload limits in one place (limits.ts): each names its source or UNVERIFIED, and each new one is enforced —
// google.script.run's argument and answer size, a card action's parameters, a card, an HtmlOutput — while a payload
// at the limit passes.

import { CallLog, FaultInjector, ServiceContext, VirtualClock } from 'workspace-emulator';
import {
  checkScriptRunArgs,
  checkScriptRunResult,
  createCardService,
  createHtmlService,
  PAYLOAD_LIMITS,
  unverifiedLimits,
} from 'workspace-emulator';

const CardService = createCardService();

function html(files: Record<string, string> = {}) {
  const ctx = new ServiceContext(new VirtualClock('2024-03-01T09:00:00Z'), new CallLog(), new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  return createHtmlService(ctx, files);
}

/** A string of exactly `bytes` UTF-8 bytes as a JSON string literal ("…", quotes included). */
const jsonOf = (bytes: number) => 'x'.repeat(bytes - 2);

describe('the limits table', () => {
  test('every limit gives its Google source or says UNVERIFIED, and the service that enforces it', () => {
    for (const [name, limit] of Object.entries(PAYLOAD_LIMITS)) {
      expect([name, limit.source]).toEqual([name, expect.stringMatching(/^(https:\/\/\S+|UNVERIFIED)$/)]);
      expect(limit.enforcedBy.length).toBeGreaterThan(0);
      expect(limit.value).toBeGreaterThan(0);
    }
    expect(unverifiedLimits()).toEqual(
      expect.arrayContaining([
        'scriptRunArgumentBytes',
        'scriptRunResultBytes',
        'cardActionParameterBytes',
        'cardBytes',
        'htmlOutputBytes',
      ]),
    );
  });
});

describe('google.script.run', () => {
  const args = PAYLOAD_LIMITS.scriptRunArgumentBytes.value;
  const result = PAYLOAD_LIMITS.scriptRunResultBytes.value;

  test('arguments: up to the limit pass, one byte more is refused before anything is sent', () => {
    // ["…"] is the JSON of one string argument: 2 bytes of brackets.
    expect(() => checkScriptRunArgs([jsonOf(args - 2)])).not.toThrow();
    expect(() => checkScriptRunArgs([jsonOf(args - 1)])).toThrow(/cannot carry \d+ bytes of arguments/);
  });

  test('a return value over the limit fails the call', () => {
    expect(() => checkScriptRunResult(jsonOf(result))).not.toThrow();
    expect(() => checkScriptRunResult({ rows: [jsonOf(result)] })).toThrow(/cannot carry \d+ bytes of return value/);
  });
});

describe('CardService', () => {
  const limit = PAYLOAD_LIMITS.cardActionParameterBytes.value;

  test("an action's parameters over the limit are refused at setParameters", () => {
    const action = CardService.newAction().setFunctionName('f');
    expect(() => action.setParameters({ k: 'x'.repeat(limit - 1) })).not.toThrow();
    expect(() => action.setParameters({ k: 'x'.repeat(limit) })).toThrow(/Invalid argument: parameters/);
    // Cyrillic counts two bytes a letter.
    expect(() => action.setParameters({ k: 'я'.repeat(limit / 2) })).toThrow(/Invalid argument: parameters/);
  });

  test('a card over the size limit is refused at build', () => {
    const section = (n: number) => {
      const s = CardService.newCardSection();
      for (let i = 0; i < n; i++) s.addWidget(CardService.newTextParagraph().setText('x'.repeat(1000)));
      return s;
    };
    const small = CardService.newCardBuilder().addSection(section(50));
    expect(() => small.build()).not.toThrow();
    const big = CardService.newCardBuilder().addSection(section(100)).addSection(section(10));
    expect(() => big.build()).toThrow(/The card is \d+ bytes as JSON/);
  });
});

describe('HtmlService', () => {
  const limit = PAYLOAD_LIMITS.htmlOutputBytes.value;

  test('an HtmlOutput over the limit is refused, however it grows', () => {
    const service = html({ big: 'x'.repeat(limit + 1), fits: 'x'.repeat(limit) });
    expect(() => service.createHtmlOutputFromFile('fits')).not.toThrow();
    expect(() => service.createHtmlOutputFromFile('big')).toThrow(/The HTML output is \d+ bytes/);
    const out = service.createHtmlOutput('x'.repeat(limit - 1));
    expect(() => out.append('xx')).toThrow(/The HTML output is \d+ bytes/);
    expect(() => out.setContent('я'.repeat(limit / 2 + 1))).toThrow(/The HTML output is \d+ bytes/);
  });
});
