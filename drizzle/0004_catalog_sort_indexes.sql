DROP INDEX "videos_length_idx";--> statement-breakpoint
DROP INDEX "videos_time_published_idx";--> statement-breakpoint
DROP INDEX "videos_updated_at_idx";--> statement-breakpoint
DROP INDEX "videos_views_idx";--> statement-breakpoint
CREATE INDEX "videos_title_sort_idx" ON "videos" USING btree (left("title", 200) NULLS FIRST,"video_id");--> statement-breakpoint
CREATE INDEX "videos_length_idx" ON "videos" USING btree ("video_length" NULLS FIRST,"video_id");--> statement-breakpoint
CREATE INDEX "videos_time_published_idx" ON "videos" USING btree ("time_published" NULLS FIRST,"video_id");--> statement-breakpoint
CREATE INDEX "videos_updated_at_idx" ON "videos" USING btree ("updated_at" NULLS FIRST,"video_id","hidden","channel_id");--> statement-breakpoint
CREATE INDEX "videos_views_idx" ON "videos" USING btree ("views" NULLS FIRST,"video_id");