// The Client sidebar's server half through the built bundle: CRM → Clients is in the menu and opens the sidebar on its
// search; openClientSidebar opens it on one client, the client's text placed into the page only escaped; the setup
// call gives the sidebar its language, zone and the office's lists.

import { call } from '../../support/office';
import { eventsOffice, STAFF } from '../events/office';

test('CRM → Clients opens the Client sidebar on its search, in the office language', () => {
  const { office } = eventsOffice();
  call(office.sheet, 'onOpen');
  const items = office.sheet.ui.menus[0].items.flatMap((i) => ('functionName' in i ? [i] : []));
  const item = items.find((i) => i.caption === 'Клиенты');
  expect(item).toBeDefined();
  call(office.sheet, String(item?.functionName) as never);
  const sidebar = office.sheet.ui.sidebar;
  expect(sidebar?.title).toBe('Клиенты');
  expect(sidebar?.html).toContain('<div id="start" hidden data-client=""></div>');
});

test('openClientSidebar opens it on one client; any text is escaped into the attribute, never markup', () => {
  const { office, clients } = eventsOffice();
  office.rpc.openClientSidebar(clients.vip.resourceName);
  expect(office.sheet.ui.sidebar?.html).toContain(`data-client="${clients.vip.resourceName}"`);

  const hostile = '"><img src=x onerror=alert(1)> <script>alert(2)</script>';
  office.rpc.openClientSidebar(hostile);
  const html = String(office.sheet.ui.sidebar?.html);
  expect(html).toContain(
    'data-client="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;"',
  );
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('<script>alert(2)');
});

test('the setup call: language, zone, the kinds and reasons of the Lists sheet, the staff, the labels', () => {
  const { office } = eventsOffice();
  const setup = office.rpc.getClientSidebarSetup();
  expect(setup.locale).toBe('ru');
  expect(setup.timeZone).toBe('Europe/Moscow');
  expect(setup.kinds).toContain('Звонок');
  expect(setup.reasons.length).toBeGreaterThan(0);
  expect(setup.managers).toEqual(STAFF.map((s) => s[0]));
  expect(setup.labels).toEqual(['VIP', 'Постоянный']);
});
