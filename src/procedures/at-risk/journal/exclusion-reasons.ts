/**
 * Why the chair sorted a student out (procedure step 3: who is sorted out,
 * and why, must be documented; they get no guidance offer). § 31 stk. 3:
 * delay from leave (maternity, military service, illness, caring for a
 * relative…) does not count, so "leave being registered" is a reason of its own.
 */
export const exclusionReasons = [
  'personal_circumstances',
  'change_of_specialisation',
  'elite_athlete',
  'agreed_study_plan',
  'leave_being_registered',
  'other',
] as const;

export type ExclusionReason = (typeof exclusionReasons)[number];
