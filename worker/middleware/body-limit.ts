import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.js';

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export function limitBody(maxBytes: number = JSON_BODY_LIMIT_BYTES) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `request body exceeds ${maxBytes} bytes`);
    },
  });
}
