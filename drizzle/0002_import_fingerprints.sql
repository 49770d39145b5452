CREATE TABLE "import_fingerprints" (
	"report_id" integer NOT NULL,
	"line" integer NOT NULL,
	"video_key" text,
	"row_hash" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_video_fingerprints" (
	"report_id" integer NOT NULL,
	"video_id" text NOT NULL,
	"fingerprint" text
);
--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "source_fingerprint" text;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "source_fingerprint_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "claims_updated_at_idx" ON "claims" USING btree ("updated_at");--> statement-breakpoint
ALTER TABLE "import_fingerprints" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "import_video_fingerprints" SET UNLOGGED;
