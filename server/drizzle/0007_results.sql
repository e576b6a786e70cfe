CREATE TYPE "public"."ui_language" AS ENUM('en', 'hi');--> statement-breakpoint
CREATE TYPE "public"."result_release_how" AS ENUM('manual', 'scheduled', 'instant');--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"done_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_result_releases" (
	"exam_id" uuid PRIMARY KEY NOT NULL,
	"institute_id" uuid NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"released_by" uuid,
	"how" "result_release_how" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institute_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exam_result_batch_ranks" (
	"attempt_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"exam_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"percentile" numeric(10, 7) NOT NULL,
	CONSTRAINT "exam_result_batch_ranks_attempt_id_batch_id_pk" PRIMARY KEY("attempt_id","batch_id")
);
--> statement-breakpoint
CREATE TABLE "exam_result_runs" (
	"exam_id" uuid PRIMARY KEY NOT NULL,
	"institute_id" uuid NOT NULL,
	"source_stamp" text NOT NULL,
	"ranked_count" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_results" (
	"attempt_id" uuid PRIMARY KEY NOT NULL,
	"exam_id" uuid NOT NULL,
	"institute_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"candidate_name" text NOT NULL,
	"candidate_email" text NOT NULL,
	"roll_number" text,
	"batch_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attempt_status" text NOT NULL,
	"submit_reason" text,
	"submitted_at" timestamp with time zone,
	"total" numeric,
	"max_total" numeric,
	"breakdown" jsonb,
	"correct" integer,
	"wrong" integer,
	"partial" integer,
	"unanswered" integer,
	"rank_keys" numeric[],
	"status" text DEFAULT 'ranked' NOT NULL,
	"status_reason" text,
	"status_changed_by" uuid,
	"status_changed_at" timestamp with time zone,
	"rank" integer,
	"percentile" numeric(10, 7),
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "ui_language" "ui_language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "attempt_answers" ADD COLUMN "first_seq" integer;--> statement-breakpoint
ALTER TABLE "exam_result_releases" ADD CONSTRAINT "exam_result_releases_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_releases" ADD CONSTRAINT "exam_result_releases_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_releases" ADD CONSTRAINT "exam_result_releases_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_batch_ranks" ADD CONSTRAINT "exam_result_batch_ranks_attempt_id_exam_results_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exam_results"("attempt_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_runs" ADD CONSTRAINT "exam_result_runs_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_runs" ADD CONSTRAINT "exam_result_runs_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_pending_kind_key_idx" ON "jobs" USING btree ("kind","key") WHERE "jobs"."done_at" is null;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."done_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "exam_result_batch_ranks_exam_idx" ON "exam_result_batch_ranks" USING btree ("exam_id","batch_id");--> statement-breakpoint
CREATE INDEX "exam_results_exam_rank_idx" ON "exam_results" USING btree ("exam_id","rank");--> statement-breakpoint
CREATE INDEX "exam_results_exam_user_idx" ON "exam_results" USING btree ("exam_id","user_id");