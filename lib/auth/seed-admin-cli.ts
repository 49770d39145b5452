// Run by the launcher after migrations: `tsx lib/auth/seed-admin-cli.ts`. Uses the same database as the
// app (DATABASE_URL, or PGlite under DATA_DIR) and prints a generated password exactly once.
import { getDatabase } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { seedAdmin } from "./seed-admin";

async function main(): Promise<void> {
  const env = getEnv();
  const handle = await getDatabase();
  try {
    const result = await seedAdmin(handle.db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (!result.created) {
      console.log("[seed] an admin already exists; nothing to do");
    } else if (result.generatedPassword) {
      console.log(
        `\n  First admin created — sign in with\n    email:    ${result.email}\n    password: ${result.generatedPassword}\n` +
          "  This password is shown only now. Change it on the Admin page, or set ADMIN_EMAIL/ADMIN_PASSWORD before the first start.\n",
      );
    } else {
      console.log(`[seed] first admin created: ${result.email} (password from ADMIN_PASSWORD)`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(`[seed] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
