import * as protocol from '../protocol/cases/index';
import type { UserKeys } from '../vault';
import { withCaseContext, withOpenCase } from './context';

/** A case decrypted for export, in this browser only; the server records that it happened. */
export type CaseExport = Awaited<ReturnType<typeof protocol.exportCaseJson>>;

/** `pdf`: for the print view, which the person prints or saves as PDF; `json`: for a download. */
export function exportCase(keys: UserKeys, caseId: string, format: 'json' | 'pdf'): Promise<CaseExport> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, (opened) => protocol.exportCaseJson(context, opened, format)),
  );
}
