import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/lib/api-client';
import { toAppError } from '../../../web/src/lib/app-errors';

describe('the failures a page explains', () => {
  it('calls a server that failed a server error, whether or not it sent our error body', () => {
    expect(toAppError(new ApiError('internal', 500, 'the server could not complete the request')).code).toBe(
      'server_error',
    );
    expect(toAppError(new ApiError('unavailable', 503, 'HTTP 503')).code).toBe('server_error');
  });

  it('keeps an unreachable server and an unexplained refusal apart from it', () => {
    expect(toAppError(new ApiError('network', 0, 'the server cannot be reached')).code).toBe('network');
    expect(toAppError(new ApiError('bad_response', 404, 'HTTP 404')).code).toBe('unknown');
  });
});
