CREATE TABLE "dashboard_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "api_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "enrichment_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "enrichment_priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "enrichment_views" bigint;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "enrichment_status" text;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "enrichment_error" text;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "enrichment_task_id" integer;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "enriched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "merged_into" text;--> statement-breakpoint
ALTER TABLE "metadata_syncs" ADD COLUMN "sandbox" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "metadata_syncs" ADD COLUMN "task_id" integer;--> statement-breakpoint
ALTER TABLE "processing_queue" ADD COLUMN "item_ids" text[];--> statement-breakpoint
ALTER TABLE "processing_queue" ADD COLUMN "requested_by" text;--> statement-breakpoint
ALTER TABLE "processing_queue" ADD COLUMN "order_views" bigint;--> statement-breakpoint
ALTER TABLE "processing_queue" ADD COLUMN "run_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "processing_queue" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quota_ledger" ADD COLUMN "next_call_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quota_ledger" ADD COLUMN "exhausted_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "dashboard_tokens_hash_uq" ON "dashboard_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "assets_enrichment_backlog_idx" ON "assets" USING btree ("enrichment_priority" DESC NULLS LAST,"enrichment_views" DESC NULLS LAST,"asset_id") WHERE "assets"."enrichment_requested_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "processing_queue_pending_order_idx" ON "processing_queue" USING btree ("priority" DESC NULLS LAST,"order_views" DESC NULLS LAST,"id") WHERE status = 'pending';