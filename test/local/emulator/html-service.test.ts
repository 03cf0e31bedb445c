import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { createHtmlService } from 'workspace-emulator';

function setup(
  files: Record<string, string> = { settings: '<!DOCTYPE html><html><head></head><body>Settings</body></html>' },
) {
  const calls = new CallLog();
  const ctx = new ServiceContext(new VirtualClock('2024-03-01T09:00:00Z'), calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  return { calls, html: createHtmlService(ctx, files) };
}

describe('HtmlService', () => {
  it('serves a project file by its bare name, as a counted call', () => {
    const { html, calls } = setup();
    const out = html.createHtmlOutputFromFile('settings').setTitle('Настройки');
    expect(out.getContent()).toContain('<body>Settings</body>');
    expect(out.getTitle()).toBe('Настройки');
    expect(calls.byService()['HtmlService.createHtmlOutputFromFile']).toBe(1);
  });

  it('refuses a missing file with Apps Script\u2019s sentence (also when given with the .html extension)', () => {
    const { html } = setup();
    expect(() => html.createHtmlOutputFromFile('Sidebar')).toThrow('No HTML file named Sidebar was found.');
    expect(() => html.createHtmlOutputFromFile('settings.html')).toThrow('No HTML file named settings.html was found.');
    expect(() => html.createHtmlOutputFromFile(42 as never)).toThrow(
      "The parameters (number) don't match the method signature for HtmlService.createHtmlOutputFromFile.",
    );
  });

  it('builds output: append, appendUntrusted escapes, sizes, meta tags, modes', () => {
    const { html } = setup();
    const out = html
      .createHtmlOutput('<b>Hi</b>')
      .append('<i>!</i>')
      .appendUntrusted('<script>alert("x")</script>')
      .setWidth(300)
      .setHeight(600)
      .addMetaTag('viewport', 'width=device-width')
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .setSandboxMode(html.SandboxMode.NATIVE);
    expect(out.getContent()).toBe('<b>Hi</b><i>!</i>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect([out.getWidth(), out.getHeight()]).toEqual([300, 600]);
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([['viewport', 'width=device-width']]);
    // NATIVE is sunset: only IFRAME exists.
    expect(out.describeFraming()).toEqual({ xFrameOptionsMode: 'ALLOWALL', sandboxMode: 'IFRAME' });
    expect(() => out.addMetaTag('refresh', '5')).toThrow('Invalid argument: name');
    expect(() => out.setWidth(1.5)).toThrow("don't match the method signature for HtmlService.HtmlOutput.setWidth");
    expect(out.setContent('x').getContent()).toBe('x');
    expect(out.clear().getContent()).toBe('');
  });

  it('evaluates template scriptlets: escaped, raw and code', () => {
    const { html } = setup({
      list: '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><?!= raw ?>',
    });
    const t = html.createTemplateFromFile('list') as unknown as Record<string, unknown> & {
      evaluate(): { getContent(): string };
    };
    t.items = ['a<b', 'c'];
    t.raw = '<hr>';
    expect(t.evaluate().getContent()).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
    const bad = html.createTemplate('<?!= include("css") ?>');
    expect(() => bad.evaluate()).toThrow('include is not defined');
  });
});
