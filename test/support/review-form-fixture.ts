import { translator } from '../../src/i18n/translator.js';
import type { Form } from '../../src/messages/message-model.js';
import type { MatchedExclusion } from '../../src/procedures/at-risk/exclusions/exclude-students.js';
import { exclusionNoteMaxLength } from '../../src/procedures/at-risk/exclusions/exclusion.js';
import type { ReviewRow } from '../../src/procedures/at-risk/identification-store.js';
import { programmeMenuMax, reviewForm } from '../../src/procedures/at-risk/review/presenters/review-view.js';
import { reviewPageSize, searchMaxLength } from '../../src/procedures/at-risk/review/review-state.js';

/**
 * The review list of a board of 2,000 students at risk as the core builds it,
 * at its largest: a page in the middle (both page buttons), the longest
 * search, the most programmes the menu lists, all with long names and codes,
 * and on the page the longest cells a student can have (a name and a
 * programme longer than the list shows, the longer § 31 flag, received from
 * a board with a long code, no e-mail), full of letters that take two bytes.
 * For the chair of a draft cycle it holds the exclusion controls too (every
 * student of the page offered, the six reasons, the note), the notices of an
 * exclusion with § 31 stk. 2 students, and the note on exclusions a
 * re-import left unmatched; in the Excluded category, a page of exclusions
 * with the longest notes and the undo control.
 * Each surface's renderer must keep it within its platform's limits.
 */
export function largestReviewForm(
  language: 'da' | 'en' = 'da',
  category: 'at_risk' | 'excluded' = 'at_risk',
): Form {
  const programmes = Array.from({ length: programmeMenuMax }, (_, index) => ({
    code: `KA-ØÆÅ-${String(index).padStart(3, '0')}-${'X'.repeat(12)}`,
    name: `Kandidatuddannelsen i Informationsteknologi med specialisering ${index} (${'længere navn '.repeat(4)})`,
  }));
  const rows: ReviewRow[] = Array.from({ length: reviewPageSize }, (_, index) => ({
    studentNumber: `2023${String(index).padStart(6, '0')}`,
    name: `Anne-Sofie Marie Kristensen-Østergaard Bjørnholm Vestergaard Ærøskøbing Søndergård ${index}`,
    email: null,
    programmeCode: programmes[index]?.code ?? '',
    programmeName: programmes[index]?.name ?? '',
    category: 'red',
    ectsBehind: 187.5,
    delayMonths: 37.5,
    specialGuidance: true,
    mandatoryContact: true,
    routing: 'forwarded_in',
    homeBoardCode: 'SN-INFORMATIONSTEKNOLOGI-OG-DIGITAL-DESIGN',
    sideSubjectBoardCode: 'SN-MAT',
  }));
  const reader = translator(language);
  const matched: MatchedExclusion[] = Array.from({ length: 250 }, (_, index) => {
    const row = rows[index % rows.length] as ReviewRow;
    const studentNumber = `2022${String(index).padStart(6, '0')}`;
    return {
      exclusion: {
        boardCode: 'SN-INFORMATIONSTEKNOLOGI-OG-DIGITAL-DESIGN',
        period: { term: 'autumn', year: 2026 },
        studentNumber,
        reason: 'leave_being_registered',
        note: 'Ø'.repeat(exclusionNoteMaxLength),
        snapshot: row,
        excludedBy: 'anne-sofie.kristensen-oestergaard.stedfortraeder@fakultet.universitet.example',
        excludedAt: new Date('2026-10-05T10:00:00Z'),
      },
      // Half of them a re-import left without their student.
      now: index % 2 === 0 ? null : { ...row, studentNumber, followedUpHere: true },
    };
  });
  const notices = [
    reader.t.exclusions.excluded({
      added: 20,
      reason: reader.t.exclusions.reason.leave_being_registered,
      alreadyExcluded: 3,
    }),
    reader.t.exclusions.mandatoryContactExcluded({ count: 20, months: 12 }),
  ];
  return reviewForm(reader, {
    boardName: 'Studienævn for Informationsteknologi, Digital Design og Interaktionsdesign',
    period: { term: 'autumn', year: 2026 },
    state: {
      boardCode: 'SN-INFORMATIONSTEKNOLOGI-OG-DIGITAL-DESIGN',
      period: { term: 'autumn', year: 2026 },
      category,
      programme: programmes[7]?.code ?? null,
      search: 'ø'.repeat(searchMaxLength),
      page: 40,
    },
    overview: { counts: { red: 1_500, yellow: 450, blue: 50 }, received: 12, programmes },
    page: { rows, total: 1_950 },
    pageCount: 98,
    thresholds: { inactivityMonths: 12, specialGuidanceMonths: 6, mandatoryContactMonths: 12 },
    exclusions: {
      mode: { kind: 'decide' },
      matched,
      shown: category === 'excluded' ? matched.slice(0, reviewPageSize) : [],
      notices,
      timeZone: 'Europe/Copenhagen',
    },
  });
}
