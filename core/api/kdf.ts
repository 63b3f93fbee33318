import { fixedBytes } from './encoding.js';
import { z } from './zod.js';

/**
 * PROTOCOL §4: Argon2id parameters live per user. The server refuses anything below the floor,
 * like the client does, so a downgraded account cannot even be created.
 */
export const KDF_FLOOR = { m: 19_456, t: 2, p: 1 } as const;
/** Upper bounds keep a hostile admin or server from making a browser hang on unlock. */
export const KDF_CEILING = { m: 4_194_304, t: 64 } as const;

export const kdfSchema = z.object({
  salt: fixedBytes('kdf salt', 16),
  m: z
    .int()
    .min(KDF_FLOOR.m, { error: `m must be at least ${KDF_FLOOR.m} KiB` })
    .max(KDF_CEILING.m),
  t: z
    .int()
    .min(KDF_FLOOR.t, { error: `t must be at least ${KDF_FLOOR.t}` })
    .max(KDF_CEILING.t),
  p: z.literal(KDF_FLOOR.p, { error: 'p must be 1' }),
});
export type KdfParams = z.infer<typeof kdfSchema>;
