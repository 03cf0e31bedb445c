import * as vm from 'node:vm';
import { checkScriptRunArgs, checkScriptRunResult, copyForScriptRun, ScriptRunValueError } from 'workspace-emulator';

function thrown(fn: () => void): ScriptRunValueError {
  try {
    fn();
  } catch (e) {
    return e as ScriptRunValueError;
  }
  throw new Error('did not throw');
}

/** Just enough of a DOM form for the rules: they recognise elements by nodeType/nodeName, as any realm's DOM has. */
function form(fields: Array<{ name: string; value: string; type?: string; checked?: boolean; disabled?: boolean }>) {
  return { nodeType: 1, nodeName: 'FORM', elements: fields };
}

describe('google.script.run arguments', () => {
  it('accepts primitives, null, and arrays and plain objects of them', () => {
    expect(() =>
      checkScriptRunArgs(['a', 1, true, null, [1, 'b', [null]], { a: { b: [1, { c: 'd' }] } }, Object.create(null)]),
    ).not.toThrow();
  });

  it('refuses a Date with Google\u2019s TypeError naming the property, and keeps the full path', () => {
    const e = thrown(() => checkScriptRunArgs(['x', new Date()]));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('Failed due to illegal value in property: 1');
    expect(e.path).toBe('args[1]');
    const nested = thrown(() => checkScriptRunArgs([{ client: { visits: [{ when: new Date() }] } }]));
    expect(nested.message).toBe('Failed due to illegal value in property: when');
    expect(nested.path).toBe('args[0].client.visits[0].when');
  });

  it('refuses functions, class instances, Maps, RegExps, symbols and non-finite numbers anywhere', () => {
    class Contact {
      name = 'x';
    }
    for (const bad of [() => 1, new Contact(), new Map(), /x/, Symbol('s'), NaN, Infinity]) {
      expect(() => checkScriptRunArgs([{ v: bad }])).toThrow('Failed due to illegal value in property: v');
    }
  });

  it('refuses a Date from another realm too (the script\u2019s own V8 context)', () => {
    const foreign = vm.runInNewContext('({ at: new Date(0), list: [1, 2] })');
    expect(() => checkScriptRunArgs([foreign])).toThrow('Failed due to illegal value in property: at');
    expect(() => checkScriptRunArgs([vm.runInNewContext('({ list: [1, 2] })')])).not.toThrow();
  });

  it('refuses circular references', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const e = thrown(() => checkScriptRunArgs([a]));
    expect(e.message).toBe('Failed due to circular reference.');
    expect(e.path).toBe('args[0].self');
    // The same object twice is not a cycle.
    const shared = { x: 1 };
    expect(() => checkScriptRunArgs([{ a: shared, b: shared }])).not.toThrow();
  });

  it('accepts a form only as the sole parameter, and refuses other DOM nodes', () => {
    const f = form([{ name: 'phone', value: '+7 900' }]);
    expect(() => checkScriptRunArgs([f])).not.toThrow();
    expect(() => checkScriptRunArgs([f, 'x'])).toThrow('Failed due to illegal value in property: 0');
    expect(() => checkScriptRunArgs([{ nodeType: 1, nodeName: 'DIV' }])).toThrow(
      'Failed due to illegal value in property: 0',
    );
  });
});

describe('copyForScriptRun', () => {
  it('copies, turning undefined inside arrays into null and dropping undefined fields', () => {
    const original = { a: [1, undefined, 'x'], b: undefined, c: { d: 2 } };
    const copy = copyForScriptRun([original]) as Array<typeof original>;
    expect(copy).toEqual([{ a: [1, null, 'x'], c: { d: 2 } }]);
    expect(copy[0]).not.toBe(original);
    expect(copy[0].c).not.toBe(original.c);
    expect('b' in copy[0]).toBe(false);
  });

  it('turns a form into an object of its field values, all strings', () => {
    const f = form([
      { name: 'name', value: 'Анна' },
      { name: 'vip', value: 'yes', type: 'checkbox', checked: false },
      { name: 'kind', value: 'call', type: 'radio', checked: true },
      { name: 'off', value: 'x', disabled: true },
      { name: '', value: 'nameless' },
    ]);
    expect(copyForScriptRun([f])).toEqual([{ name: 'Анна', kind: 'call' }]);
  });

  it('throws like the client on an illegal value', () => {
    expect(() => copyForScriptRun([{ d: new Date() }])).toThrow('Failed due to illegal value in property: d');
  });
});

describe('google.script.run results', () => {
  it('passes plain data', () => {
    expect(() => checkScriptRunResult({ rows: [['a', 1, true, null]], total: 3 })).not.toThrow();
    expect(() => checkScriptRunResult(undefined)).not.toThrow();
  });

  it('fails a result holding a Date, naming where it is and why', () => {
    const e = thrown(() => checkScriptRunResult({ rows: [{ date: new Date(0) }] }));
    expect(e.path).toBe('result.rows[0].date');
    expect(e.message).toContain('cannot return a Date (at result.rows[0].date)');
    expect(e.message).toContain('null');
  });

  it('fails a function or a circular result', () => {
    expect(thrown(() => checkScriptRunResult({ f: () => 1 })).path).toBe('result.f');
    const loop: unknown[] = [];
    loop.push(loop);
    expect(thrown(() => checkScriptRunResult(loop)).message).toContain('circular reference');
  });
});
