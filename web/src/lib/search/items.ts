import type { SearchDocument } from '../../../../core/search/index';
import type { UserKeys } from '../vault';

/** What search finds, by where it came from (issue 14). Every item was decrypted in this browser. */
export type SearchSourceKind = 'note' | 'conference' | 'supervision' | 'knowledge';

export const SEARCH_SOURCES: readonly SearchSourceKind[] = ['note', 'conference', 'supervision', 'knowledge'];

export interface SearchItem extends SearchDocument {
  readonly source: SearchSourceKind;
  /** where the result opens, in this app */
  readonly href: string;
  readonly caseId: string | null;
  /** the form a case note was written with ("<id>@<version>") */
  readonly formRef: string | null;
  readonly authorId: string | null;
  /** a knowledge article's category */
  readonly category: string | null;
}

/**
 * The shape lib/knowledge.ts exports for search (branch kb): articles under the organization's
 * staff key, decrypted by the caller.
 */
export interface SearchableKnowledgeArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly href: string;
  readonly category: string;
}

/** The shape of the supervision archive's export for search (branch wf-ui). */
export interface SearchableSupervisionRecord {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly href: string;
  readonly caseId?: string | null;
  readonly at?: number;
}

export type SourceReader<T> = (keys: UserKeys) => Promise<readonly T[]>;

/** How far one source has got: null total while it is still finding out how much there is. */
export interface SourceProgress {
  readonly source: SearchSourceKind;
  readonly state: 'reading' | 'done' | 'failed' | 'unavailable';
  readonly done: number;
  readonly total: number | null;
}
