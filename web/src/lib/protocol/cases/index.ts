/** Case files in the browser (issue 4): DOM-free ceremonies over the API, shared with the demo. */
export * from './access';
export * from './attachments';
export * from './client-cards';
export * from './contact';
export * from './context';
export * from './create';
export * from './export';
export * from './front-desk';
export * from './open';
export { forgetOpenedRecords } from './opened-records';
export * from './recovery';
export * from './transfer';
export * from './write';
