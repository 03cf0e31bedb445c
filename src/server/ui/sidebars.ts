// Opens the built sidebars (dist/sheet/<name>.html). They load their data through google.script.run, so nothing
// client-supplied is ever templated into their HTML.

export type SidebarName = 'settings' | 'import' | 'reminders';

export function showSidebar(name: SidebarName, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(name).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}
