import { customType } from 'drizzle-orm/pg-core';

/** bytea as a Buffer, what SQLite's `blob({ mode: 'buffer' })` gives (drizzle's pg-core has no bytea column). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});
