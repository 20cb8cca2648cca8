import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/app-env.js';
import { badRequest, fieldsFromIssues } from '../lib/errors.js';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('One message per bad field, by path.'),
    }),
  })
  .openapi('Error');

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input; `fields` names each bad field.',
  401: 'No or expired credentials.',
  403: 'Outside your scope, or read-only credentials.',
  404: 'Unknown id.',
  409: 'Conflicts with live state; `message` says why.',
  413: 'Body too large.',
  429: 'Too many attempts.',
  502: 'The telephony platform refused or did not answer.',
  503: 'No telephony platform is connected.',
};

export function errors(...statuses: (keyof typeof ERROR_TEXT)[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s]!, content: { 'application/json': { schema: errorSchema } } }]),
  );
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const bearerSecurity: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];
/** No credentials asked: sign-in, liveness. Said explicitly, so a reader (and the linter) knows it is meant. */
export const publicSecurity: Record<string, string[]>[] = [];
/** Credentials read when present, their absence an answer rather than a 401 (the `{}` requirement). */
export const optionalSecurity: Record<string, string[]>[] = [...bearerSecurity, {}];

/** A router whose validation failures become our 400 body. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw badRequest('The request is invalid.', fieldsFromIssues(result.error.issues));
    },
  });
}
