-- AlterTable
ALTER TABLE "job_run" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "params" JSONB;

-- AlterTable
ALTER TABLE "reminder_delivery" ADD COLUMN     "holder" TEXT;

-- CreateTable
CREATE TABLE "instance" (
    "id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "instance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_run_outcome_next_attempt_at_idx" ON "job_run"("outcome", "next_attempt_at");
