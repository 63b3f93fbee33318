/**
 * The D1 schema (Drizzle), one file per area beside the migrations it mirrors; this index is what
 * openDb and the routes import. The SQL in migrations/ is the source of truth.
 */
export * from './case-schema.js';
export * from './clients-schema.js';
export * from './forms-schema.js';
export * from './platform-schema.js';
