ALTER TABLE "attempts" ADD COLUMN "offline_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "late_saves" integer DEFAULT 0 NOT NULL;