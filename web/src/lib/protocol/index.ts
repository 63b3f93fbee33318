/** The account ceremonies of PROTOCOL §4 over the HTTP API: DOM-free, shared with the demo script. */
export * from './audit';
export * from './forms';
export * from './keys';
export * from './membership';
export * from './new-account';
export * from './organization';
export * from './passphrase';
export * from './pins';
export * from './sign-in';
