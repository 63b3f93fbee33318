import { afterEach } from 'vitest';
import { openPages, saveScreenshot } from './browser.js';

/** A failed browser test leaves a picture of every open page in test-results/failed-…png. */
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  const test = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  let index = 0;
  for (const page of openPages) {
    index += 1;
    await saveScreenshot(page, `failed-${test}-${index}`).catch(() => undefined);
  }
});
