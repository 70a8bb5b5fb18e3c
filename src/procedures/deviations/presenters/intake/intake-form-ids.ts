/** The intake's form ids (`deviations.intake.…`). */
export const intakeFormIds = {
  /** The report form, also when shown again with errors, the channels or the route. */
  report: 'deviations.intake.report',
  /** A view that only tells (the receipt, the route, a notice): submitting it closes it. */
  done: 'deviations.intake.done',
} as const;
