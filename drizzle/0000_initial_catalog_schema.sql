-- pg_trgm backs the substring-search indexes on title and channel name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text,
	"ip" text,
	"succeeded" boolean NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"role" text DEFAULT 'user' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"firebase_uid" text,
	"current_login_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"current_login_ip" text,
	"last_login_ip" text,
	"login_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_firebase_uid_unique" UNIQUE("firebase_uid")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "videos" (
	"video_id" text PRIMARY KEY NOT NULL,
	"title" text,
	"artist" text[],
	"genre" text[],
	"label" text,
	"channel_id" text,
	"channel_name" text,
	"uploader" text,
	"category" text,
	"content_type" text,
	"asset_id" text,
	"custom_id" text,
	"upc" text,
	"isrc" text,
	"claim_id" text,
	"claimed_status" text,
	"claimed_by_this_owner" boolean,
	"claimed_by_another_owner" boolean,
	"other_owners_claiming" text,
	"ad_display" boolean,
	"ad_overlay" boolean,
	"ad_sponsorship_cards" boolean,
	"ad_skippable" boolean,
	"ad_non_skippable" boolean,
	"ad_bumper" boolean,
	"ad_preroll" boolean,
	"ad_midroll" boolean,
	"ad_postroll" boolean,
	"ad_third_party" boolean,
	"embedding_allowed" boolean,
	"ratings_allowed" boolean,
	"comments_allowed" boolean,
	"privacy_status" text,
	"effective_policy" text,
	"video_length" integer,
	"views" bigint,
	"hidden" boolean DEFAULT false NOT NULL,
	"administered" boolean DEFAULT false NOT NULL,
	"administered_at" timestamp with time zone,
	"is_short" boolean,
	"short_rule" text,
	"is_live_stream" boolean,
	"upload_source" text,
	"time_published" timestamp with time zone,
	"time_uploaded" timestamp with time zone,
	"notes" text,
	"last_source_report_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"asset_id" text PRIMARY KEY NOT NULL,
	"asset_type" text,
	"title" text,
	"custom_id" text,
	"isrc" text,
	"upc" text,
	"grid" text,
	"artist" text,
	"album" text,
	"label" text,
	"labels" text[],
	"genre" text[],
	"administer_publish_rights" boolean,
	"asset_channel_id" text,
	"administered" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"video_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"claim_id" text,
	"claim_type" text,
	"claim_origin" text,
	"policy" text,
	"status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"name" text,
	"description" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metadata_syncs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"video_id" text,
	"asset_id" text,
	"sync_time" timestamp with time zone DEFAULT now() NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text,
	"user_id" text,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_queue" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_type" text NOT NULL,
	"video_id" text,
	"asset_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"payload" jsonb,
	"result" jsonb,
	"error_message" text,
	"source_report_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_rows_rejected" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"value" text,
	"reason" text NOT NULL,
	"raw" text
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"filename" text NOT NULL,
	"size" bigint,
	"etag" text,
	"version_id" text,
	"content_hash" text,
	"kind" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"exclude_shorts" boolean DEFAULT false NOT NULL,
	"progress" jsonb,
	"summary" jsonb,
	"error" text,
	"error_line" integer,
	"triggered_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"object_version" text PRIMARY KEY NOT NULL,
	"report_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_metrics" (
	"asset_id" text NOT NULL,
	"period" date NOT NULL,
	"report_kind" text NOT NULL,
	"owned_views" bigint DEFAULT 0 NOT NULL,
	"partner_revenue" numeric DEFAULT '0' NOT NULL,
	"source_hash" text NOT NULL,
	"source_report_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_metrics_asset_id_period_report_kind_source_hash_pk" PRIMARY KEY("asset_id","period","report_kind","source_hash")
);
--> statement-breakpoint
CREATE TABLE "quota_ledger" (
	"day" date NOT NULL,
	"api" text NOT NULL,
	"units_used" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quota_ledger_day_api_pk" PRIMARY KEY("day","api")
);
--> statement-breakpoint
CREATE TABLE "video_metrics" (
	"video_id" text NOT NULL,
	"period" date NOT NULL,
	"report_kind" text NOT NULL,
	"owned_views" bigint DEFAULT 0 NOT NULL,
	"partner_revenue" numeric DEFAULT '0' NOT NULL,
	"source_hash" text NOT NULL,
	"source_report_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_metrics_video_id_period_report_kind_source_hash_pk" PRIMARY KEY("video_id","period","report_kind","source_hash")
);
--> statement-breakpoint
CREATE TABLE "import_staging" (
	"report_id" integer NOT NULL,
	"line" integer NOT NULL,
	"part" smallint DEFAULT 0 NOT NULL,
	"video_id" text,
	"title" text,
	"channel_id" text,
	"channel_name" text,
	"uploader" text,
	"category" text,
	"content_type" text,
	"video_length" integer,
	"views" bigint,
	"time_published" timestamp with time zone,
	"time_uploaded" timestamp with time zone,
	"privacy_status" text,
	"upload_source" text,
	"embedding_allowed" boolean,
	"ratings_allowed" boolean,
	"comments_allowed" boolean,
	"effective_policy" text,
	"custom_id" text,
	"isrc" text,
	"upc" text,
	"claimed_by_this_owner" boolean,
	"claimed_by_another_owner" boolean,
	"other_owners_claiming" text,
	"is_live_stream" boolean,
	"in_shorts_report" boolean,
	"claim_id" text,
	"claim_asset_id" text,
	"claim_type" text,
	"claim_origin" text,
	"claim_policy" text,
	"claim_status" text,
	"asset_id" text,
	"asset_type" text,
	"asset_title" text,
	"asset_custom_id" text,
	"asset_isrc" text,
	"asset_upc" text,
	"asset_grid" text,
	"asset_artist" text,
	"asset_album" text,
	"asset_label" text,
	"asset_labels" text[],
	"asset_administer_publish_rights" boolean,
	"asset_channel_id" text,
	"period" date,
	"owned_views" bigint,
	"partner_revenue" numeric
);
--> statement-breakpoint
CREATE TABLE "import_steps" (
	"report_id" integer NOT NULL,
	"step_key" text NOT NULL,
	"result" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_steps_report_id_step_key_pk" PRIMARY KEY("report_id","step_key")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_time_idx" ON "login_attempts" USING btree ("email","attempted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "login_attempts_ip_time_idx" ON "login_attempts" USING btree ("ip","attempted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "videos_title_trgm_idx" ON "videos" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "videos_channel_name_trgm_idx" ON "videos" USING gin ("channel_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "videos_channel_id_idx" ON "videos" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "videos_asset_id_idx" ON "videos" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "videos_custom_id_idx" ON "videos" USING btree ("custom_id");--> statement-breakpoint
CREATE INDEX "videos_isrc_idx" ON "videos" USING btree ("isrc");--> statement-breakpoint
CREATE INDEX "videos_upc_idx" ON "videos" USING btree ("upc");--> statement-breakpoint
CREATE INDEX "videos_claim_id_idx" ON "videos" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "videos_category_idx" ON "videos" USING btree ("category");--> statement-breakpoint
CREATE INDEX "videos_policy_idx" ON "videos" USING btree ("effective_policy");--> statement-breakpoint
CREATE INDEX "videos_length_idx" ON "videos" USING btree ("video_length");--> statement-breakpoint
CREATE INDEX "videos_time_published_idx" ON "videos" USING btree ("time_published");--> statement-breakpoint
CREATE INDEX "videos_updated_at_idx" ON "videos" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "videos_genre_idx" ON "videos" USING gin ("genre");--> statement-breakpoint
CREATE INDEX "assets_custom_id_idx" ON "assets" USING btree ("custom_id");--> statement-breakpoint
CREATE INDEX "assets_isrc_idx" ON "assets" USING btree ("isrc");--> statement-breakpoint
CREATE INDEX "assets_upc_idx" ON "assets" USING btree ("upc");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_video_asset_uq" ON "claims" USING btree ("video_id","asset_id");--> statement-breakpoint
CREATE INDEX "claims_asset_id_idx" ON "claims" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "claims_claim_id_idx" ON "claims" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "metadata_syncs_video_time_idx" ON "metadata_syncs" USING btree ("video_id","sync_time" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "metadata_syncs_asset_time_idx" ON "metadata_syncs" USING btree ("asset_id","sync_time" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "metadata_syncs_source_idx" ON "metadata_syncs" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE INDEX "processing_queue_status_priority_idx" ON "processing_queue" USING btree ("status","priority" DESC NULLS LAST,"created_at");--> statement-breakpoint
CREATE INDEX "processing_queue_video_idx" ON "processing_queue" USING btree ("video_id");--> statement-breakpoint
CREATE UNIQUE INDEX "processing_queue_open_task_uq" ON "processing_queue" USING btree ("task_type","video_id") WHERE status in ('pending', 'processing');--> statement-breakpoint
CREATE UNIQUE INDEX "report_rows_rejected_report_line_uq" ON "report_rows_rejected" USING btree ("report_id","line","column");--> statement-breakpoint
CREATE INDEX "reports_key_idx" ON "reports" USING btree ("key");--> statement-breakpoint
CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "reports_active_content_uq" ON "reports" USING btree ("content_hash") WHERE status in ('pending', 'processing') and content_hash is not null;--> statement-breakpoint
CREATE INDEX "import_staging_report_video_idx" ON "import_staging" USING btree ("report_id","video_id","line");--> statement-breakpoint
-- Scratch space for imports; rebuilt from the report file after a crash, so WAL is not worth paying for.
ALTER TABLE "import_staging" SET UNLOGGED;
