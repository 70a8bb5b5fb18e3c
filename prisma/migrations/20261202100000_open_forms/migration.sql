-- CreateTable
CREATE TABLE "open_form" (
    "surface" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "form" JSONB NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "open_form_pkey" PRIMARY KEY ("surface","key")
);

-- CreateIndex
CREATE INDEX "open_form_expires_at_idx" ON "open_form"("expires_at");
