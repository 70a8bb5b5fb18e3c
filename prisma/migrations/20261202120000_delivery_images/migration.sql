-- AlterTable
ALTER TABLE "reminder_delivery" ADD COLUMN     "separate_image_ids" TEXT[];
