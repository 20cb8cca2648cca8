import { z } from '@hono/zod-openapi';
import { namesSchema } from './names.js';

/** The wrap-up reasons an agent chooses from at the desk, where the platform collects none (Asterisk). */
export const wrapupReasonListSchema = z
  .object({ wrapupReasons: z.array(z.object({ id: z.string(), name: z.string(), names: namesSchema }).openapi('WrapupReason')) })
  .openapi('WrapupReasonList');

export const completeWrapupBody = z
  .object({ reasonId: z.string().min(1).max(200).describe('A wrap-up reason id from the directory.') })
  .strict()
  .openapi('CompleteWrapup');

export const wrapupCompletedSchema = z
  .object({ callId: z.string().describe('The call whose after-call work this completes.'), reasonId: z.string() })
  .openapi('WrapupCompleted');

export type WrapupReasonList = z.infer<typeof wrapupReasonListSchema>;
export type WrapupReason = WrapupReasonList['wrapupReasons'][number];
export type CompleteWrapupBody = z.infer<typeof completeWrapupBody>;
export type WrapupCompleted = z.infer<typeof wrapupCompletedSchema>;
