import { myCaseListSchema, okResponseSchema } from '../../../../core/api/index';
import type { CaseContext } from './cases/context';
import { exportCaseJson } from './cases/export';
import { closeCase, openCase, openContactCard } from './cases/index';

/**
 * A client's data as one document (GDPR art. 15 and 20, PIPL art. 45): the contact card and every
 * case of the client that this person holds the key of, each decrypted here from a file whose
 * log verified (PROTOCOL §6). The server learns only that an export was made, and of which cases.
 */
export async function exportClientData(context: CaseContext, clientId: string) {
  const { cases } = await context.api.get('/api/cases', myCaseListSchema);
  const mine = cases.filter((item) => item.clientId === clientId).map((item) => item.id);
  await context.api.send('POST', `/api/clients/${clientId}/exports`, { cases: mine }, okResponseSchema);
  const exported = [];
  for (const caseId of mine) {
    const opened = await openCase(context, caseId);
    try {
      const { contact: _contact, ...rest } = await exportCaseJson(context, opened);
      exported.push(rest);
    } finally {
      closeCase(opened);
    }
  }
  return {
    format: 'tacit-client-export',
    version: 1,
    exportedAt: new Date(context.now?.() ?? Date.now()).toISOString(),
    client: { id: clientId, contact: await openContactCard(context, clientId) },
    cases: exported,
  };
}
