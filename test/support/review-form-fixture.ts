import { translator } from '../../src/i18n/translator.js';
import type { Form } from '../../src/messages/message-model.js';
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
 * Each surface's renderer must keep it within its platform's limits.
 */
export function largestReviewForm(language: 'da' | 'en' = 'da'): Form {
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
  return reviewForm(translator(language), {
    boardName: 'Studienævn for Informationsteknologi, Digital Design og Interaktionsdesign',
    period: { term: 'autumn', year: 2026 },
    state: {
      boardCode: 'SN-INFORMATIONSTEKNOLOGI-OG-DIGITAL-DESIGN',
      period: { term: 'autumn', year: 2026 },
      category: 'at_risk',
      programme: programmes[7]?.code ?? null,
      search: 'ø'.repeat(searchMaxLength),
      page: 40,
    },
    overview: { counts: { red: 1_500, yellow: 450, blue: 50 }, received: 12, programmes },
    page: { rows, total: 1_950 },
    pageCount: 98,
    thresholds: { inactivityMonths: 12, specialGuidanceMonths: 6, mandatoryContactMonths: 12 },
  });
}
