/** The client portal in the browser (issue 5): DOM-free ceremonies over the API. */
export * from './client';
export * from './inbox';
