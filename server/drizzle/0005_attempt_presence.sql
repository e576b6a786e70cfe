ALTER TABLE "attempt_answers" ADD COLUMN "live_seq" integer;--> statement-breakpoint
ALTER TABLE "attempt_answers" ADD COLUMN "live_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "online_again_at" timestamp with time zone;