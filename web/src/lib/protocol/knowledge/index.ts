/** The knowledge base in the browser (issue 14): the staff key and articles, DOM-free. */
export * from './articles';
export * from './staff-key';
