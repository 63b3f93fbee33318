import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import worker from '../../worker/index.js';

it('answers health', async () => {
  const res = await worker.fetch(new Request('https://tacit.test/api/health'), env, {} as ExecutionContext);
  expect(await res.json()).toEqual({ ok: true, db: true });
});
