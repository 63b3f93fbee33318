import { z } from 'zod';

/**
 * zod compiles fast parsers with `new Function` when it may; the browser's strict CSP (no
 * 'unsafe-eval') forbids that, and zod's probe alone is reported as a violation. Every schema in
 * core/ is built from this configured instance, so the setting is in force before any exists.
 */
z.config({ jitless: true });

export { z };
