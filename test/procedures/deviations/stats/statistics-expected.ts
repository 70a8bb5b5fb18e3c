/**
 * The statistics of the 200-case fixture (statistics-fixture.ts), each figure
 * added up by hand from its table of groups. The same figures are asserted
 * through the database and the chat in stats-chat.test.ts.
 */
export const expectedLastThirteenMonths = {
  facultyCode: null,
  period: { from: '2025-10', to: '2026-10' },
  timeZone: 'Europe/Oslo',
  asOf: '2026-10-15T10:00:00.000Z',
  // Every group but G11 (September 2025): 200 − 10.
  total: 190,
  byCategory: {
    information_flow: 20, // G3 15 + G12 5
    feedback_guidance: 20, // G4 10 + G13 10
    teaching_learning_forms: 25, // G5
    exam_assessment_forms: 30, // G2 20 + G14 10
    timetabling: 30, // G1 (G11 is outside)
    grading_examiners: 12, // G6
    reference_groups: 8, // G7
    equipment_premises: 20, // G8
    universal_design_digital: 10, // G9
    other: 15, // G10
  },
  byFaculty: [
    { faculty: 'IE', count: 108 }, // G1 30 + G2 20 + G5 25 + G7 8 + G9 10 + G12 5 + G14 10
    { faculty: 'NV', count: 82 }, // G3 15 + G4 10 + G6 12 + G8 20 + G10 15 + G13 10 (forwarded from IE)
  ],
  byState: {
    received: 30, // G8 20 + G9 10
    in_handling: 50, // G5 25 + G10 15 + G14 10
    closed: 75, // G1 30 + G2 20 + G6 12 + G7 8 + G12 5
    rejected: 25, // G3 15 + G13 10
    redirected: 10, // G4
  },
  // 110 finished: days 1×10, 3×15, 10×30 (55 so far), 20×10, 28×12, 29×8, 35×20, 40×5.
  // The 55th is 10 and the 56th is 20: the median is their mean, 15.
  handlingDays: { median: 15, finished: 110 },
  overdue: 55, // G5 25 + G8 20 + G14 10 (G9's deadline is today)
  finishedLate: 33, // G2 20 (35 days) + G7 8 (29) + G12 5 (40); G6 (28) is on time
  months: [
    { month: '2025-10', received: 5, finished: 0 }, // G12 (30 September in UTC)
    { month: '2025-11', received: 10, finished: 5 }, // G14; G12 finished
    { month: '2025-12', received: 10, finished: 10 }, // G13 received and rejected
    { month: '2026-01', received: 30, finished: 30 }, // G1 both
    { month: '2026-02', received: 20, finished: 0 }, // G2
    { month: '2026-03', received: 15, finished: 35 }, // G3; G2 20 + G3 15 finished
    { month: '2026-04', received: 10, finished: 10 }, // G4 both
    { month: '2026-05', received: 25, finished: 0 }, // G5
    { month: '2026-06', received: 12, finished: 0 }, // G6
    { month: '2026-07', received: 8, finished: 12 }, // G7; G6 finished on 1 July
    { month: '2026-08', received: 0, finished: 8 }, // G7 finished
    { month: '2026-09', received: 30, finished: 0 }, // G8 20 + G9 10
    { month: '2026-10', received: 15, finished: 0 }, // G10
  ],
};

/** IE in 2026: G1 30, G2 20, G5 25, G7 8, G9 10. */
export const expectedIe2026 = {
  facultyCode: 'IE',
  period: { from: '2026-01', to: '2026-12' },
  timeZone: 'Europe/Oslo',
  asOf: '2026-10-15T10:00:00.000Z',
  total: 93,
  byCategory: {
    information_flow: 0,
    feedback_guidance: 0,
    teaching_learning_forms: 25,
    exam_assessment_forms: 20,
    timetabling: 30,
    grading_examiners: 0,
    reference_groups: 8,
    equipment_premises: 0,
    universal_design_digital: 10,
    other: 0,
  },
  byFaculty: [{ faculty: 'IE', count: 93 }],
  byState: { received: 10, in_handling: 25, closed: 58, rejected: 0, redirected: 0 },
  // 58 finished: 10 days ×30, 29 ×8, 35 ×20: the 29th and 30th are both 10.
  handlingDays: { median: 10, finished: 58 },
  overdue: 25,
  finishedLate: 28,
  months: [
    { month: '2026-01', received: 30, finished: 30 },
    { month: '2026-02', received: 20, finished: 0 },
    { month: '2026-03', received: 0, finished: 20 },
    { month: '2026-04', received: 0, finished: 0 },
    { month: '2026-05', received: 25, finished: 0 },
    { month: '2026-06', received: 0, finished: 0 },
    { month: '2026-07', received: 8, finished: 0 },
    { month: '2026-08', received: 0, finished: 8 },
    { month: '2026-09', received: 10, finished: 0 },
    { month: '2026-10', received: 0, finished: 0 },
    { month: '2026-11', received: 0, finished: 0 },
    { month: '2026-12', received: 0, finished: 0 },
  ],
};
