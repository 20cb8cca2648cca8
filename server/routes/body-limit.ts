import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../auth/app-env.js';
import { ApiError } from '../lib/errors.js';

/** What a request body may weigh where a router says no more: commands, sign-ins, chat messages and report requests are small. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Refuses a larger body with our 413 before it is read; `advice` ends the message. */
export function limitBody(maxBytes = MAX_BODY_BYTES, advice = ''): MiddlewareHandler<AppEnv> {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes / 1024} KiB`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'too_large', `The body is larger than ${size}${advice}.`);
    },
  });
}
