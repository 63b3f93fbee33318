import { conferenceMessagesForSearch } from '../conferences';
import { knowledgeArticlesForSearch } from '../knowledge';
import { supervisionRecordsForSearch } from '../supervision-archive';
import type { UserKeys } from '../vault';
import { caseNotesForSearch } from './case-notes';
import type { SearchItem, SearchSourceKind } from './items';

/**
 * Where search reads from. Each reader decrypts in this browser what the signed-in person holds a
 * key to; none sends a query or a term anywhere (the server only serves the ciphertext it always
 * serves to these pages).
 */

/** Case notes report their progress case by case; the others all at once. */
export type ItemReader = (
  keys: UserKeys,
  onProgress: (done: number, total: number) => void,
) => Promise<SourceRead>;

export interface SourceRead {
  readonly items: readonly SearchItem[];
  /** parts of the source that could not be opened (cases that failed verification, say) */
  readonly unreadable: number;
}

const conferenceReader: ItemReader = async (keys) => {
  const messages = await conferenceMessagesForSearch(keys);
  return {
    items: messages.map((message) => ({
      id: `conference:${message.messageId}`,
      source: 'conference',
      title: '',
      text: message.text,
      at: message.createdAt,
      href: `/conferences/${message.conferenceId}`,
      caseId: message.caseId,
      formRef: null,
      authorId: message.authorId,
      category: null,
    })),
    unreadable: 0,
  };
};

const supervisionReader: ItemReader = async (keys) => ({
  items: (await supervisionRecordsForSearch(keys)).map((record) => ({
    id: `supervision:${record.id}`,
    source: 'supervision',
    title: record.title,
    text: record.text,
    href: record.href,
    caseId: null,
    formRef: null,
    authorId: null,
    category: null,
  })),
  unreadable: 0,
});

const knowledgeReader: ItemReader = async (keys) => ({
  items: (await knowledgeArticlesForSearch(keys)).map((article) => ({
    id: `knowledge:${article.id}`,
    source: 'knowledge',
    title: article.title,
    text: article.text,
    href: article.href,
    caseId: null,
    formRef: null,
    authorId: null,
    category: article.category,
  })),
  unreadable: 0,
});

/** The reader of each source. */
export function searchReaders(): Record<SearchSourceKind, ItemReader> {
  return {
    note: async (keys, onProgress) => {
      const read = await caseNotesForSearch(keys, onProgress);
      return { items: read.items, unreadable: read.unreadableCases };
    },
    conference: conferenceReader,
    supervision: supervisionReader,
    knowledge: knowledgeReader,
  };
}
