import type { JsonValue } from '../../../../crypto/index';
import { listCases, withCaseContext } from '../cases/index';
import { loadForms } from '../forms';
import * as protocol from '../protocol/cases/index';
import type { UserKeys } from '../vault';
import type { SearchItem } from './items';

/**
 * The latest revision of every record in every case whose key I hold, opened and verified the way
 * the case page opens them (PROTOCOL §5, §6). A case that fails to open is counted, not guessed at.
 */

const PARALLEL_CASES = 3;

/** The words of a record: every string among its secret fields (signatures are pictures, not words). */
function wordsOf(value: JsonValue, into: string[]): void {
  if (typeof value === 'string') {
    if (!value.startsWith('data:')) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) wordsOf(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) wordsOf(item, into);
  }
}

export interface CaseNotesRead {
  readonly items: SearchItem[];
  readonly unreadableCases: number;
}

export function caseNotesForSearch(
  keys: UserKeys,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<CaseNotesRead> {
  return withCaseContext(keys, async (context) => {
    const cases = await listCases();
    const items: SearchItem[] = [];
    let unreadableCases = 0;
    let done = 0;
    onProgress(0, cases.length);
    const queue = [...cases];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const caseId = next.id;
        try {
          const opened = await protocol.openCase(context, caseId);
          try {
            const writtenAt = new Map(
              opened.view.records.map((row) => [`${row.record}@${row.rev}`, row.createdAt]),
            );
            for (const record of opened.records) {
              const words: string[] = [];
              wordsOf(record.fields, words);
              if (words.length === 0) continue;
              const { recordId, rev, form, author } = record.binding;
              items.push({
                id: `note:${recordId}`,
                source: 'note',
                title: '',
                text: words.join('\n'),
                at: writtenAt.get(`${recordId}@${rev}`) ?? 0,
                href: `/cases/${caseId}`,
                caseId,
                formRef: form,
                authorId: author,
                category: null,
              });
            }
          } finally {
            protocol.closeCase(opened);
          }
        } catch {
          unreadableCases++;
        }
        onProgress(++done, cases.length);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_CASES }, worker));
    // The forms' names head the results; a note whose form cannot be fetched is still found.
    await loadForms(new Set(items.map((item) => item.formRef as string))).catch(() => undefined);
    return { items, unreadableCases };
  });
}
