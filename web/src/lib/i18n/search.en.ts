import type { searchZhCN } from './search.zh-CN';

export const searchEn: { readonly [K in keyof typeof searchZhCN]: string } = {
  'search.heading': 'Search',
  'search.intro':
    'Search happens in your browser only: the records you can open are decrypted here and indexed in memory. No search term is sent to the server, the index is never written to disk, and it is cleared as soon as the vault locks.',
  'search.field': 'Search for',
  'search.placeholder': 'e.g. anxiety, 睡眠明显变差, or a "quoted phrase"',
  'search.building': 'Decrypting and indexing…',
  'search.source.note': 'Case notes',
  'search.source.conference': 'Conference messages',
  'search.source.supervision': 'Supervision reports',
  'search.source.knowledge': 'Knowledge base',
  'search.progress.cases': '{done} of {total} cases opened',
  'search.progress.reading': 'Reading…',
  'search.progress.done': '{count} items',
  'search.progress.failed': 'Could not be read',
  'search.indexed': 'Indexed at {time}: {count} in all, kept in this page’s memory only.',
  'search.rebuild': 'Read again',
  'search.error': 'Search could not be prepared.',
  'search.sourceSeparator': ', ',
  'search.failed': 'Some sources could not be read; results may be incomplete: {sources}.',
  'search.unreadable': '{count} cases failed verification and are not searched.',
  'search.prompt':
    'Type to search. Chinese words and phrases are found anywhere; English words match by their beginning, in any case; words separated by spaces must all appear.',
  'search.none': 'Nothing matches “{query}”.',
  'search.count': '{count} found.',
  'search.more': 'Showing the first {shown}; try a more specific search.',
  'search.group': '{source} ({count})',
  'search.noteTitle': '{form} · case {case}',
  'search.noteUntitled': 'Record · case {case}',
  'search.conferenceTitle': 'Conference on case {case}',
};
