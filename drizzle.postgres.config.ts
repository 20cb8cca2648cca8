import { defineConfig } from 'drizzle-kit';

// The PostgreSQL store's migrations (server/db/schema-pg mirrors server/db/schema); `npm run db:generate` runs both configs.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema-pg',
  out: './server/db/migrations-pg',
});
