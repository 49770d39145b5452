import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const channels = pgTable("channels", {
  channelId: text("channel_id").primaryKey(),
  name: text("name"),
  description: text("description"),
  hidden: boolean("hidden").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("channels_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`)]);

export type Channel = typeof channels.$inferSelect;
export type NewChannel = typeof channels.$inferInsert;
