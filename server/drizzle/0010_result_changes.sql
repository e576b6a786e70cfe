CREATE TABLE "exam_result_changes" (
	"revision_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"exam_id" uuid NOT NULL,
	"institute_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"revision_seq" integer NOT NULL,
	"total_before" numeric,
	"total_after" numeric,
	"rank_before" integer,
	"rank_after" integer,
	CONSTRAINT "exam_result_changes_revision_id_attempt_id_pk" PRIMARY KEY("revision_id","attempt_id")
);
--> statement-breakpoint
ALTER TABLE "exam_result_changes" ADD CONSTRAINT "exam_result_changes_revision_id_exam_key_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."exam_key_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_changes" ADD CONSTRAINT "exam_result_changes_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_changes" ADD CONSTRAINT "exam_result_changes_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_result_changes" ADD CONSTRAINT "exam_result_changes_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exam_result_changes_exam_user_idx" ON "exam_result_changes" USING btree ("exam_id","user_id","revision_seq");