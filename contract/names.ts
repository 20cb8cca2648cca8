import { z } from '@hono/zod-openapi';

/** Every language the UI speaks; the directory file's translations are keyed by these. */
export const LANGS = ['en', 'zh-CN'] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

/** Beside every directory name: its translations from the directory file; show `names[lang]`, else the name. */
export const namesSchema = z
  .partialRecord(langSchema, z.string())
  .describe('Translations of the name beside it, by language; a language not listed shows that name.')
  .openapi('Names');

/** Translations of one name, by language; a missing language falls back to the name. */
export type Names = z.infer<typeof namesSchema>;

export const instant = z.string().describe('ISO-8601 instant');
