import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { keyText } from "./key-text";

export const channels = pgTable("channels", {
  channelId: keyText("channel_id").primaryKey(),
  name: text("name"),
  description: text("description"),
  hidden: boolean("hidden").notNull().default(false),
  // Set when a person renames the channel on the Admin page: from then on a report's channel name no longer
  // replaces theirs (lib/import/merge/merge-channels.ts).
  renamedAt: timestamp("renamed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("channels_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`)]);

export type Channel = typeof channels.$inferSelect;
export type NewChannel = typeof channels.$inferInsert;
