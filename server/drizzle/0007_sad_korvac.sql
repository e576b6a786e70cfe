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
ALTER TABLE "exam_result_batch_ranks" ADD CONSTRAINT "exam_result_batch_ranks_attempt_id_exam_results_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exam_results"("attempt_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_runs" ADD CONSTRAINT "exam_result_runs_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_runs" ADD CONSTRAINT "exam_result_runs_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exam_result_batch_ranks_exam_idx" ON "exam_result_batch_ranks" USING btree ("exam_id","batch_id");--> statement-breakpoint
CREATE INDEX "exam_results_exam_rank_idx" ON "exam_results" USING btree ("exam_id","rank");--> statement-breakpoint
CREATE INDEX "exam_results_exam_user_idx" ON "exam_results" USING btree ("exam_id","user_id");