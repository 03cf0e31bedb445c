// CONTRACT (issue 15), implemented by the endpoint helper: where each PBX is pointed (CRM → Telephony…, the sandbox).
import type { PbxSetupView } from '../../shared/pbx-dto';

export function getPbxSetup(): PbxSetupView {
  throw new Error('getPbxSetup: not built yet');
}
