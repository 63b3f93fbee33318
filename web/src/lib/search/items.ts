import type { SearchDocument } from '../../../../core/search/index';

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

/** How far one source has got: null total while it is still finding out how much there is. */
export interface SourceProgress {
  readonly source: SearchSourceKind;
  readonly state: 'reading' | 'done' | 'failed';
  readonly done: number;
  readonly total: number | null;
}
