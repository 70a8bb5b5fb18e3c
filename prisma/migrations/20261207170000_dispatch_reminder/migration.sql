-- CreateTable
CREATE TABLE "dispatch_reminder" (
    "cycle_id" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "holder" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "posted_at" TIMESTAMPTZ(3),
    "problem" TEXT,

    CONSTRAINT "dispatch_reminder_pkey" PRIMARY KEY ("cycle_id","stage","surface","recipient")
);

-- AddForeignKey
ALTER TABLE "dispatch_reminder" ADD CONSTRAINT "dispatch_reminder_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "identification_cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
