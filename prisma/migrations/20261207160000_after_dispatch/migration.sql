-- CreateTable
CREATE TABLE "hosted_file" (
    "id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hosted_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "after_dispatch_post" (
    "cycle_id" UUID NOT NULL,
    "surface" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "holder" TEXT,
    "conversation_id" TEXT,
    "message_ids" TEXT[],
    "problem" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "posted_at" TIMESTAMPTZ(3),

    CONSTRAINT "after_dispatch_post_pkey" PRIMARY KEY ("cycle_id","surface","kind")
);

-- AddForeignKey
ALTER TABLE "after_dispatch_post" ADD CONSTRAINT "after_dispatch_post_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "identification_cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
