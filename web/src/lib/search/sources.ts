import { conferenceMessagesForSearch } from '../conferences';
import { knowledgeArticlesForSearch } from '../knowledge';
import { supervisionRecordsForSearch } from '../supervision-archive';
import type { UserKeys } from '../vault';
import { caseNotesForSearch } from './case-notes';
import type {
  SearchableKnowledgeArticle,
  SearchableSupervisionRecord,
  SearchItem,
  SearchSourceKind,
  SourceReader,
} from './items';

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

/** The supervision archive's and the knowledge base's readers (null would show "not connected yet"). */
const pluggedReaders: {
  supervision: SourceReader<SearchableSupervisionRecord> | null;
  knowledge: SourceReader<SearchableKnowledgeArticle> | null;
} = {
  supervision: (keys) => supervisionRecordsForSearch(keys),
  knowledge: (keys) => knowledgeArticlesForSearch(keys),
};

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

function supervisionReader(read: SourceReader<SearchableSupervisionRecord>): ItemReader {
  return async (keys) => ({
    items: (await read(keys)).map((record) => ({
      id: `supervision:${record.id}`,
      source: 'supervision',
      title: record.title,
      text: record.text,
      ...(record.at === undefined ? {} : { at: record.at }),
      href: record.href,
      caseId: record.caseId ?? null,
      formRef: null,
      authorId: null,
      category: null,
    })),
    unreadable: 0,
  });
}

function knowledgeReader(read: SourceReader<SearchableKnowledgeArticle>): ItemReader {
  return async (keys) => ({
    items: (await read(keys)).map((article) => ({
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
}

/** The reader of each source, or null where that source is not part of this build. */
export function searchReaders(): Record<SearchSourceKind, ItemReader | null> {
  const { supervision, knowledge } = pluggedReaders;
  return {
    note: async (keys, onProgress) => {
      const read = await caseNotesForSearch(keys, onProgress);
      return { items: read.items, unreadable: read.unreadableCases };
    },
    conference: conferenceReader,
    supervision: supervision ? supervisionReader(supervision) : null,
    knowledge: knowledge ? knowledgeReader(knowledge) : null,
  };
}
