// ServerApi.getAccess: the access view a sidebar asks for once when it opens. That call is an authorised run that
// knows the person (the simple onOpen did not), so it also redraws the CRM menu for their role — in a shared-account
// browser, for the role chosen in "who am I", which only hides what that role does not use.

import { OfficeContext } from '../events/office';
import { addCrmMenu } from '../ui/menu';
import type { AccessView } from '../../shared/access-dto';
import { accessView } from './access';

export function getAccess(chosen?: string): AccessView {
  const office = new OfficeContext();
  const view = accessView(office, typeof chosen === 'string' ? chosen : undefined);
  try {
    addCrmMenu(office.locale, view.role);
  } catch (e) {
    // A sidebar opened where there is no Sheets UI to redraw (a test, the CLI): the view is what was asked for.
    console.warn(`The CRM menu was not redrawn for the role: ${e instanceof Error ? e.name : 'error'}`);
  }
  return view;
}
