import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../../worker/middleware/security-headers';

/** Reads the `/*` block of web/public/_headers, the headers Workers static assets add to the app. */
function staticAssetHeaders(): Record<string, string> {
  const lines = readFileSync('web/public/_headers', 'utf8').split('\n');
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of lines) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      inAllPaths = line.trim() === '/*';
      continue;
    }
    if (!inAllPaths) continue;
    const separator = line.indexOf(':');
    headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return headers;
}

describe('security headers', () => {
  it('are the same on the static app as on the API', () => {
    expect(staticAssetHeaders()).toEqual(SECURITY_HEADERS);
  });

  it('forbid inline scripts and styles', () => {
    const csp = staticAssetHeaders()['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
