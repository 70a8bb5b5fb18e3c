import { z } from 'zod';

const days = z
  .number()
  .refine(Number.isInteger, 'must be a whole number of days')
  .refine((n) => n >= 1, 'must be at least 1');

/**
 * Spec "Board meeting": a chair who has not dispatched N days after the
 * exam-period reminder is reminded; after M days the head(s) of studies
 * covering the board are told. Counted from when the reminder was posted in
 * the board's channel. null switches a stage off.
 */
export const dispatchReminderConfigSchema = z
  .strictObject({
    remindChairAfterDays: days.nullable().default(14),
    tellHeadOfStudiesAfterDays: days.nullable().default(21),
  })
  .superRefine((values, ctx) => {
    const { remindChairAfterDays: chair, tellHeadOfStudiesAfterDays: head } = values;
    // The head of studies hears of it after the chair was reminded, not before.
    if (chair !== null && head !== null && head <= chair) {
      ctx.addIssue({
        code: 'custom',
        path: ['tellHeadOfStudiesAfterDays'],
        message: `must be more than remindChairAfterDays (${chair})`,
      });
    }
  })
  .prefault({});

export type DispatchReminderConfig = z.output<typeof dispatchReminderConfigSchema>;
