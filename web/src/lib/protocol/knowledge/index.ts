/** The knowledge base in the browser (issue 14): the staff key, articles and attachments, DOM-free. */
export * from './articles';
export * from './attachments';
export * from './staff-key';
