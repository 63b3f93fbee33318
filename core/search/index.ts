/** Search across what one person can decrypt, in their browser (issue 14): pure, no I/O. */
export { parseQuery, type QueryClause } from './query.js';
export {
  type SearchDocument,
  type SearchHit,
  SearchIndex,
  type SearchResult,
} from './search-index.js';
export type { Snippet, TextPart } from './snippet.js';
export { normalize } from './text.js';
