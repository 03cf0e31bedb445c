// CONTRACT (issue 15), implemented by the processing helper: the callback list and new callers for the Calls sidebar.
import type { AddCallerInput, AddCallerResult, CallsView } from '../../shared/pbx-dto';

export function getCalls(): CallsView {
  throw new Error('getCalls: not built yet');
}

export function closeCallback(input: { phone: string }): CallsView {
  void input;
  throw new Error('closeCallback: not built yet');
}

export function addCaller(input: AddCallerInput): AddCallerResult {
  void input;
  throw new Error('addCaller: not built yet');
}
