-- AlterTable
ALTER TABLE "teams_conversation" ADD COLUMN "locale" TEXT;
