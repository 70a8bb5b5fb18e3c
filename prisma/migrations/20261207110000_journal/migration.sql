-- CreateTable
CREATE TABLE "journal_case" (
    "cycle_id" UUID NOT NULL,
    "case_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "holder" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMPTZ(3),
    "filed_at" TIMESTAMPTZ(3),
    "problem_code" TEXT,
    "problem" TEXT,

    CONSTRAINT "journal_case_pkey" PRIMARY KEY ("cycle_id","case_key")
);

-- AddForeignKey
ALTER TABLE "journal_case" ADD CONSTRAINT "journal_case_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "identification_cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
