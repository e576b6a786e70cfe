CREATE TYPE "public"."ui_language" AS ENUM('en', 'hi');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "ui_language" "ui_language" DEFAULT 'en' NOT NULL;