DROP INDEX "videos_channel_name_trgm_idx";--> statement-breakpoint
DROP INDEX "videos_isrc_idx";--> statement-breakpoint
DROP INDEX "videos_upc_idx";--> statement-breakpoint
DROP INDEX "videos_claim_id_idx";--> statement-breakpoint
CREATE INDEX "channels_name_trgm_idx" ON "channels" USING gin ("name" gin_trgm_ops);