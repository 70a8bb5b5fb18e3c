-- CreateEnum
CREATE TYPE "manager_role" AS ENUM ('head_of_department', 'head_of_studies', 'dean', 'student_services', 'quality_department');

-- CreateEnum
CREATE TYPE "term" AS ENUM ('spring', 'autumn');

-- CreateEnum
CREATE TYPE "cycle_status" AS ENUM ('draft', 'dispatched', 'closed');

-- CreateEnum
CREATE TYPE "teaching_language" AS ENUM ('da', 'en');

-- CreateEnum
CREATE TYPE "traffic_light" AS ENUM ('green', 'yellow', 'red', 'blue', 'out_of_scope');

-- CreateEnum
CREATE TYPE "enrolment_type" AS ENUM ('ordinary', 'single_subject', 'guest', 'exchange');

-- CreateEnum
CREATE TYPE "enrolment_status" AS ENUM ('active', 'leave');

-- CreateEnum
CREATE TYPE "routing" AS ENUM ('own', 'forwarded_out', 'forwarded_in');

-- CreateTable
CREATE TABLE "faculty" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "faculty_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "department" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "faculty_code" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "department_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "study_board" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "faculty_code" TEXT NOT NULL,
    "department_code" TEXT,
    "chair_email" TEXT NOT NULL,
    "secretary_email" TEXT NOT NULL,
    "delegate_emails" TEXT[],
    "slack_channel" TEXT,
    "teams_channel" TEXT,
    "console_channel" TEXT NOT NULL,
    "in_config" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "study_board_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "programme" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "board_code" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "manager" (
    "id" SERIAL NOT NULL,
    "role" "manager_role" NOT NULL,
    "email" TEXT NOT NULL,
    "scope_kind" TEXT NOT NULL,
    "scope_code" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "manager_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identification_cycle" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "board_code" TEXT NOT NULL,
    "term" "term" NOT NULL,
    "year" INTEGER NOT NULL,
    "reference_date" DATE NOT NULL,
    "source_file_name" TEXT NOT NULL,
    "source_file_hash" CHAR(64) NOT NULL,
    "status" "cycle_status" NOT NULL DEFAULT 'draft',
    "previous_cycle_id" UUID,
    "green_count" INTEGER NOT NULL,
    "yellow_count" INTEGER NOT NULL,
    "red_count" INTEGER NOT NULL,
    "blue_count" INTEGER NOT NULL,
    "out_of_scope_count" INTEGER NOT NULL,
    "forwarded_out_count" INTEGER NOT NULL,
    "forwarded_in_count" INTEGER NOT NULL,
    "no_email_count" INTEGER NOT NULL,
    "uncontacted_overdue_count" INTEGER NOT NULL,
    "import_count" INTEGER NOT NULL DEFAULT 1,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mails_sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "identification_cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "student" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "student_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "programme_code" TEXT NOT NULL,
    "programme_name" TEXT NOT NULL,
    "language" "teaching_language" NOT NULL,
    "cpr_encrypted" BYTEA,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "student_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "student_result" (
    "cycle_id" UUID NOT NULL,
    "student_id" UUID NOT NULL,
    "routing" "routing" NOT NULL,
    "home_board_code" TEXT NOT NULL,
    "side_subject_board_code" TEXT,
    "category" "traffic_light" NOT NULL,
    "enrolment_type" "enrolment_type" NOT NULL,
    "enrolment_status" "enrolment_status" NOT NULL,
    "enrolled_on" DATE NOT NULL,
    "last_passed_on" DATE,
    "ects_expected" DECIMAL(8,3) NOT NULL,
    "ects_passed" DECIMAL(8,3) NOT NULL,
    "ects_behind" DECIMAL(8,3) NOT NULL,
    "delay_months" DECIMAL(7,3) NOT NULL,
    "special_guidance" BOOLEAN NOT NULL,
    "mandatory_contact" BOOLEAN NOT NULL,
    "source_line" INTEGER NOT NULL,

    CONSTRAINT "student_result_pkey" PRIMARY KEY ("cycle_id","student_id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "board_code" TEXT,
    "cycle_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "manager_role_email_scope_kind_scope_code_key" ON "manager"("role", "email", "scope_kind", "scope_code");

-- CreateIndex
CREATE UNIQUE INDEX "identification_cycle_board_code_term_year_key" ON "identification_cycle"("board_code", "term", "year");

-- CreateIndex
CREATE UNIQUE INDEX "student_student_number_key" ON "student"("student_number");

-- CreateIndex
CREATE INDEX "student_result_student_id_idx" ON "student_result"("student_id");

-- CreateIndex
CREATE INDEX "audit_event_cycle_id_idx" ON "audit_event"("cycle_id");

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_faculty_code_fkey" FOREIGN KEY ("faculty_code") REFERENCES "faculty"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study_board" ADD CONSTRAINT "study_board_faculty_code_fkey" FOREIGN KEY ("faculty_code") REFERENCES "faculty"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study_board" ADD CONSTRAINT "study_board_department_code_fkey" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_board_code_fkey" FOREIGN KEY ("board_code") REFERENCES "study_board"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identification_cycle" ADD CONSTRAINT "identification_cycle_board_code_fkey" FOREIGN KEY ("board_code") REFERENCES "study_board"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identification_cycle" ADD CONSTRAINT "identification_cycle_previous_cycle_id_fkey" FOREIGN KEY ("previous_cycle_id") REFERENCES "identification_cycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_result" ADD CONSTRAINT "student_result_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "identification_cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_result" ADD CONSTRAINT "student_result_student_id_fkey" FOREIGN KEY ("student_id") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "identification_cycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;
