export * from './conditions.js';
export * from './dedup.js';
export * from './events.js';
export * from './model.js';
export * from './shipped.js';
