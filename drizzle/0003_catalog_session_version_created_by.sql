ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "created_by_report_id" integer;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "created_by_report_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "videos_views_idx" ON "videos" USING btree ("views");