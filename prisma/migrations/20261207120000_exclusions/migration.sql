-- CreateEnum
CREATE TYPE "exclusion_reason" AS ENUM ('personal_circumstances', 'change_of_specialisation', 'elite_athlete', 'agreed_study_plan', 'leave_being_registered', 'other');

-- CreateTable
CREATE TABLE "exclusion" (
    "board_code" TEXT NOT NULL,
    "term" "term" NOT NULL,
    "year" INTEGER NOT NULL,
    "student_number" TEXT NOT NULL,
    "reason" "exclusion_reason" NOT NULL,
    "note" TEXT,
    "snapshot" JSONB NOT NULL,
    "excluded_by" TEXT NOT NULL,
    "excluded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exclusion_pkey" PRIMARY KEY ("board_code","term","year","student_number")
);

-- AddForeignKey
ALTER TABLE "exclusion" ADD CONSTRAINT "exclusion_board_code_fkey" FOREIGN KEY ("board_code") REFERENCES "study_board"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
