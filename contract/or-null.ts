import { z } from '@hono/zod-openapi';

/**
 * A component schema or null. Not `.nullable()`: on a schema registered as an OpenAPI component
 * the generator writes `allOf: [$ref, {type: [object, null]}]`, which no null matches (a client
 * generated from it cannot take the null the server sends); a union is `anyOf: [$ref, {type: null}]`.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);
