import type { JsonValue, SecretFields } from '../../../../crypto/index';
import { listCases, withCaseContext } from '../cases/index';
import { knownForm, loadForms } from '../forms';
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

/** What people write in words: text fields where the form is known (not choice ids), else every string. */
function noteText(formRef: string, fields: SecretFields): string {
  const form = knownForm(formRef);
  const words: string[] = [];
  if (form) {
    for (const field of form.fields) {
      const value = fields[field.id];
      if ((field.type === 'text' || field.type === 'longText') && value !== undefined) wordsOf(value, words);
    }
  } else {
    wordsOf(fields, words);
  }
  return words.join('\n');
}

interface OpenedNote {
  readonly caseId: string;
  readonly recordId: string;
  readonly formRef: string;
  readonly authorId: string;
  readonly at: number;
  readonly fields: SecretFields;
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
    const notes: OpenedNote[] = [];
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
              const { recordId, rev, form, author } = record.binding;
              notes.push({
                caseId,
                recordId,
                formRef: form,
                authorId: author,
                at: writtenAt.get(`${recordId}@${rev}`) ?? 0,
                fields: record.fields,
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
    // The form says which fields are words and names the result; a note whose form cannot be
    // fetched is still found, by every string it holds.
    await loadForms(new Set(notes.map((note) => note.formRef))).catch(() => undefined);
    const items: SearchItem[] = [];
    for (const note of notes) {
      const text = noteText(note.formRef, note.fields);
      if (!text) continue;
      items.push({
        id: `note:${note.recordId}`,
        source: 'note',
        title: '',
        text,
        at: note.at,
        href: `/cases/${note.caseId}`,
        caseId: note.caseId,
        formRef: note.formRef,
        authorId: note.authorId,
        category: null,
      });
    }
    return { items, unreadableCases };
  });
}
