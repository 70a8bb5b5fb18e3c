-- CreateEnum
CREATE TYPE "deviation_state" AS ENUM ('received', 'in_handling', 'closed', 'rejected', 'redirected');

-- CreateEnum
CREATE TYPE "deviation_category" AS ENUM ('information_flow', 'feedback_guidance', 'teaching_learning_forms', 'exam_assessment_forms', 'timetabling', 'grading_examiners', 'reference_groups', 'equipment_premises', 'universal_design_digital', 'other');

-- CreateEnum
CREATE TYPE "reporter_role" AS ENUM ('student', 'employee');

-- CreateTable
CREATE TABLE "deviation_case" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "state" "deviation_state" NOT NULL,
    "category" "deviation_category" NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "faculty_code" TEXT NOT NULL,
    "department_code" TEXT,
    "where_when" TEXT,
    "description" TEXT,
    "reporter_role" "reporter_role" NOT NULL,
    "reporter_email" TEXT NOT NULL,
    "reporter_name" TEXT NOT NULL,
    "reporter_surface" TEXT NOT NULL,
    "reporter_language" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "handler_email" TEXT,
    "handler_name" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "preliminary_reply_at" TIMESTAMPTZ(3),
    "causes" TEXT,
    "measures" TEXT,
    "outcome" TEXT,
    "reason" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "text_purge_after" TIMESTAMPTZ(3),
    "submission_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "deviation_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deviation_case_number" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "deviation_case_number_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "deviation_event" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_email" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "deviation_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deviation_exchange" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "asked_by_email" TEXT NOT NULL,
    "addressee" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "due_date" DATE,
    "asked_at" TIMESTAMPTZ(3) NOT NULL,
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "deviation_exchange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deviation_timer" (
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "holder" TEXT,
    "claimed_at" TIMESTAMPTZ(3),
    "fired_at" TIMESTAMPTZ(3),

    CONSTRAINT "deviation_timer_pkey" PRIMARY KEY ("case_id","kind")
);

-- CreateTable
CREATE TABLE "deviation_notice" (
    "case_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "recipient_email" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "message_ids" TEXT[],
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deviation_notice_pkey" PRIMARY KEY ("case_id","purpose","recipient_email","surface")
);

-- CreateTable
CREATE TABLE "deviation_course" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "faculty_code" TEXT NOT NULL,
    "department_code" TEXT,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deviation_course_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "deviation_case_number_key" ON "deviation_case"("number");

-- CreateIndex
CREATE UNIQUE INDEX "deviation_case_submission_key_key" ON "deviation_case"("submission_key");

-- CreateIndex
CREATE INDEX "deviation_case_faculty_code_state_idx" ON "deviation_case"("faculty_code", "state");

-- CreateIndex
CREATE INDEX "deviation_case_reporter_email_idx" ON "deviation_case"("reporter_email");

-- CreateIndex
CREATE INDEX "deviation_event_case_id_occurred_at_idx" ON "deviation_event"("case_id", "occurred_at");

-- CreateIndex
CREATE INDEX "deviation_exchange_case_id_idx" ON "deviation_exchange"("case_id");

-- CreateIndex
CREATE INDEX "deviation_timer_status_due_at_idx" ON "deviation_timer"("status", "due_at");

-- AddForeignKey
ALTER TABLE "deviation_event" ADD CONSTRAINT "deviation_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "deviation_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deviation_exchange" ADD CONSTRAINT "deviation_exchange_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "deviation_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deviation_timer" ADD CONSTRAINT "deviation_timer_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "deviation_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deviation_notice" ADD CONSTRAINT "deviation_notice_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "deviation_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What each state requires (src/procedures/deviations/case-states.ts moves
-- between them; these hold whatever path writes a row). Prisma does not model
-- CHECK constraints, so they live here only.
ALTER TABLE "deviation_case" ADD CONSTRAINT "deviation_case_unit_kind_check" CHECK ("unit_kind" IN ('programme', 'course'));
ALTER TABLE "deviation_case" ADD CONSTRAINT "deviation_case_reporter_surface_check" CHECK ("reporter_surface" IN ('slack', 'teams', 'console'));
ALTER TABLE "deviation_case" ADD CONSTRAINT "deviation_case_in_handling_has_handler_check" CHECK ("state" NOT IN ('in_handling', 'closed') OR "handler_email" IS NOT NULL);
ALTER TABLE "deviation_case" ADD CONSTRAINT "deviation_case_closed_has_outcome_check" CHECK ("state" <> 'closed' OR "outcome" IS NOT NULL);
ALTER TABLE "deviation_case" ADD CONSTRAINT "deviation_case_final_is_closed_check" CHECK (("state" IN ('closed', 'rejected', 'redirected')) = ("closed_at" IS NOT NULL));
ALTER TABLE "deviation_case" ADD CONSTRAINT "deviation_case_rejection_has_reason_check" CHECK ("state" NOT IN ('rejected', 'redirected') OR "reason" IS NOT NULL);
ALTER TABLE "deviation_case" ADD CONSTRAINT "deviation_case_text_removed_only_when_redirected_check" CHECK ("description" IS NOT NULL OR "state" = 'redirected');
ALTER TABLE "deviation_event" ADD CONSTRAINT "deviation_event_kind_check" CHECK ("kind" IN ('filed', 'forwarded', 'accepted', 'assigned', 'asked', 'answered', 'sent_for_comments', 'commented', 'preliminary_reply', 'causes_recorded', 'closed', 'rejected', 'redirected', 'flagged_sensitive', 'unflagged_sensitive', 'reminded', 'escalated', 'text_removed'));
ALTER TABLE "deviation_exchange" ADD CONSTRAINT "deviation_exchange_kind_check" CHECK ("kind" IN ('question', 'comments'));
ALTER TABLE "deviation_exchange" ADD CONSTRAINT "deviation_exchange_answered_check" CHECK (("answer" IS NULL) = ("answered_at" IS NULL));
ALTER TABLE "deviation_timer" ADD CONSTRAINT "deviation_timer_kind_check" CHECK ("kind" IN ('preliminary_reminder', 'overdue_escalation'));
ALTER TABLE "deviation_timer" ADD CONSTRAINT "deviation_timer_status_check" CHECK ("status" IN ('pending', 'claimed', 'fired', 'cancelled'));
ALTER TABLE "deviation_timer" ADD CONSTRAINT "deviation_timer_fired_check" CHECK (("status" = 'fired') = ("fired_at" IS NOT NULL));
