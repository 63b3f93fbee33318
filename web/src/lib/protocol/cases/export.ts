import { okResponseSchema } from '../../../../../core/api/index';
import { toHex } from '../../../../../crypto/index';
import { openContactCard } from './contact';
import type { CaseContext } from './context';
import type { OpenedCase } from './open';

/**
 * A case as one JSON document, decrypted in this browser from a file that verified (issue 4).
 * The export is announced to the server first, so the audit chain has it whether or not the
 * person then saves the file.
 */
export async function exportCaseJson(
  context: CaseContext,
  opened: OpenedCase,
  format: 'json' | 'pdf' = 'json',
) {
  const caseId = opened.view.case.id;
  await context.api.send('POST', `/api/cases/${caseId}/exports`, { format }, okResponseSchema);
  const author = (id: string) => opened.people.get(id)?.user.displayName ?? id;
  const writtenAt = new Map(opened.view.records.map((row) => [`${row.record}@${row.rev}`, row.createdAt]));
  return {
    exportedAt: new Date(context.now?.() ?? Date.now()).toISOString(),
    case: {
      id: caseId,
      status: opened.view.case.status,
      serviceType: opened.view.case.serviceType,
      channel: opened.view.case.channel,
      openedAt: new Date(opened.view.case.openedAt).toISOString(),
    },
    contact: await openContactCard(context, opened.view.case.clientId),
    verification: { entries: opened.log.seq, head: toHex(opened.log.head) },
    records: opened.records
      .map((record) => ({
        record: record.binding.recordId,
        revision: record.binding.rev,
        form: record.binding.form,
        author: author(record.binding.author),
        writtenAt: new Date(
          writtenAt.get(`${record.binding.recordId}@${record.binding.rev}`) ?? 0,
        ).toISOString(),
        fields: { ...record.operational, ...record.fields },
      }))
      // oldest first, as a file is read; the record id breaks ties
      .sort((a, b) => a.writtenAt.localeCompare(b.writtenAt) || a.record.localeCompare(b.record)),
  };
}
