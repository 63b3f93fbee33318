/** Case conferences in the browser (issue 14): DOM-free ceremonies over the API. */
export * from './keys';
export * from './membership';
export * from './message';
export * from './thread';
