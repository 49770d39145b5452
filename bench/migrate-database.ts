/**
 * Applies the app's migrations to a benchmark database. The app's modules are imported here, on first use, so a
 * benchmark can set the app's environment before anything reads it.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const { createDatabase } = await import("@/lib/db/client");
  const { runMigrations } = await import("@/lib/db/migrate");
  const migrated = await createDatabase({ url });
  await runMigrations(migrated);
  await migrated.close();
}
