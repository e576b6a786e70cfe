ALTER TABLE "question_imports" DROP CONSTRAINT "question_imports_file_asset_id_assets_id_fk";
--> statement-breakpoint
ALTER TABLE "question_imports" DROP CONSTRAINT "question_imports_images_asset_id_assets_id_fk";
--> statement-breakpoint
ALTER TABLE "attempts" DROP COLUMN "last_seq";--> statement-breakpoint
ALTER TABLE "question_imports" DROP COLUMN "file_asset_id";--> statement-breakpoint
ALTER TABLE "question_imports" DROP COLUMN "images_asset_id";