-- YouTube keys (video, channel, asset and claim ids; custom ids, ISRC, UPC; category and policy codes) compare byte
-- by byte: code point order, as C.UTF-8 gave, without the locale's comparison (b-tree builds and inserts 20-40% less
-- CPU). Every table's key columns change together so joins stay in one collation. See lib/db/schema/key-text.ts.
ALTER TABLE "videos" ALTER COLUMN "video_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "channel_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "category" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "custom_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "upc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "isrc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "claim_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "videos" ALTER COLUMN "effective_policy" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "custom_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "isrc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "upc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "asset_channel_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "merged_into" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "claims" ALTER COLUMN "video_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "claims" ALTER COLUMN "asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "claims" ALTER COLUMN "claim_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "channels" ALTER COLUMN "channel_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "metadata_syncs" ALTER COLUMN "video_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "metadata_syncs" ALTER COLUMN "asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "processing_queue" ALTER COLUMN "video_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "processing_queue" ALTER COLUMN "asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "asset_metrics" ALTER COLUMN "asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "video_metrics" ALTER COLUMN "video_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_fingerprints" ALTER COLUMN "video_key" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "video_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "channel_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "category" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "effective_policy" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "custom_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "isrc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "upc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "claim_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "claim_asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "asset_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "asset_custom_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "asset_isrc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "asset_upc" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_staging" ALTER COLUMN "asset_channel_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "import_video_fingerprints" ALTER COLUMN "video_id" SET DATA TYPE text COLLATE "C";