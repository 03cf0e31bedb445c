// The Telephony sidebar (CRM → Telephony…): the callback list (callbacks.ts), new callers (callers.ts) and, for those
// who may change the settings, where each PBX is pointed (endpoint.ts). Everything is rendered with textContent.

import type { CallsView } from '../../../shared/pbx-dto';
import { allows, loadAccess } from '../../lib/access';
import { byId, fillTexts } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import { renderCallbacks } from './callbacks';
import { renderCallers, setLabels } from './callers';
import { say } from './context';
import { renderEndpoint } from './endpoint';

fillTexts(
  {
    'callbacks-title': 'callbacks',
    'callers-title': 'callers',
    'endpoint-title': 'endpoint',
    'calls-refresh': 'refresh',
  },
  say,
);

const fail = (e: unknown) => showStatus(say('error', { message: errorText(e) }), 'error');

function draw(view: CallsView): void {
  renderCallbacks(view.callbacks, draw);
  renderCallers(view.newCallers, draw);
}

async function load(): Promise<void> {
  const refresh = byId<HTMLButtonElement>('calls-refresh');
  refresh.disabled = true;
  try {
    // The labels first: the new callers' selects are filled as they are drawn.
    const [labels, view] = await Promise.all([rpc.listLabels().catch(() => [] as string[]), rpc.getCalls()]);
    setLabels(labels);
    draw(view);
  } catch (e) {
    fail(e);
  } finally {
    refresh.disabled = false;
  }
}

async function loadEndpoint(): Promise<void> {
  try {
    if (allows('settingsEdit', await loadAccess())) renderEndpoint(await rpc.getPbxSetup());
  } catch (e) {
    fail(e);
  }
}

byId('calls-refresh').addEventListener('click', () => void Promise.all([load(), loadEndpoint()]));
void load();
void loadEndpoint();
