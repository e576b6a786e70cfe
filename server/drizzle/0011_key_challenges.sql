CREATE TYPE "public"."key_challenge_status" AS ENUM('pending', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "exam_key_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exam_id" uuid NOT NULL,
	"institute_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"claimed_answer" jsonb,
	"status" "key_challenge_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"revision_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_provisional_keys" (
	"exam_id" uuid PRIMARY KEY NOT NULL,
	"institute_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"challenges_close_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exam_key_challenges" ADD CONSTRAINT "exam_key_challenges_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_key_challenges" ADD CONSTRAINT "exam_key_challenges_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_key_challenges" ADD CONSTRAINT "exam_key_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_key_challenges" ADD CONSTRAINT "exam_key_challenges_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_key_challenges" ADD CONSTRAINT "exam_key_challenges_revision_id_exam_key_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."exam_key_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_provisional_keys" ADD CONSTRAINT "exam_provisional_keys_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_provisional_keys" ADD CONSTRAINT "exam_provisional_keys_institute_id_institutes_id_fk" FOREIGN KEY ("institute_id") REFERENCES "public"."institutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_provisional_keys" ADD CONSTRAINT "exam_provisional_keys_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exam_key_challenges_exam_question_idx" ON "exam_key_challenges" USING btree ("exam_id","question_id");--> statement-breakpoint
CREATE INDEX "exam_key_challenges_user_idx" ON "exam_key_challenges" USING btree ("user_id","exam_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exam_key_challenges_one_standing_idx" ON "exam_key_challenges" USING btree ("exam_id","question_id","user_id") WHERE "exam_key_challenges"."status" <> 'withdrawn';