import { createSignal } from 'solid-js';

/**
 * What the person is searching for, in memory only. Never in the URL: a reload or a shared link
 * would carry it to the server (the request line, the Referer) — search must not tell the server
 * a query or a term.
 */
export const [searchQuery, setSearchQuery] = createSignal('');
