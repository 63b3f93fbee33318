/** Case files for the pages (issue 4): see ./context.ts for how keys and errors are handled. */
export * from './access';
export * from './admin';
export { withCaseContext } from './context';
export * from './export';
export * from './file';
export * from './lists';
export * from './new-case';
export * from './records';
