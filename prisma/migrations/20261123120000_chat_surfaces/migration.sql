-- CreateTable
CREATE TABLE "reminder_delivery" (
    "id" BIGSERIAL NOT NULL,
    "board_code" TEXT NOT NULL,
    "term" "term" NOT NULL,
    "year" INTEGER NOT NULL,
    "surface" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "conversation_id" TEXT,
    "message_ids" TEXT[],
    "content_hash" TEXT,
    "problem" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "posted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3),

    CONSTRAINT "reminder_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams_conversation" (
    "conversation_id" TEXT NOT NULL,
    "service_url" TEXT NOT NULL,
    "tenant_id" TEXT,
    "bot_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "user_id" TEXT,
    "channel_name" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "teams_conversation_pkey" PRIMARY KEY ("conversation_id")
);

-- CreateTable
CREATE TABLE "replay_key" (
    "key" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "replay_key_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "console_message" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "image_asset" (
    "id" TEXT NOT NULL,
    "png" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "image_asset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reminder_delivery_board_code_term_year_surface_recipient_key" ON "reminder_delivery"("board_code", "term", "year", "surface", "recipient");

-- CreateIndex
CREATE INDEX "teams_conversation_user_id_idx" ON "teams_conversation"("user_id");

-- CreateIndex
CREATE INDEX "replay_key_expires_at_idx" ON "replay_key"("expires_at");

-- CreateIndex
CREATE INDEX "console_message_channel_id_idx" ON "console_message"("channel", "id");
