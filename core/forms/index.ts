/** The form engine's shared core: definitions, conditions, validation, record splitting. */
export * from './conditions.js';
export * from './portal.js';
export * from './record.js';
export * from './schema.js';
export * from './simple-conditions.js';
export * from './validate.js';
export * from './values.js';
