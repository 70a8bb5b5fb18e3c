import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translator.js';
import type { Inline } from '../../src/messages/message-model.js';
import type { IdentificationPeriod } from '../../src/procedures/at-risk/identification-period.js';
import { dateOf } from '../support/progress-row-builder.js';

const da = translator('da').t;
const en = translator('en').t;

const spring2026: IdentificationPeriod = { term: 'spring', year: 2026 };
const autumn2025: IdentificationPeriod = { term: 'autumn', year: 2025 };
const chair: Inline = {
  kind: 'mention',
  person: { email: 'formand@uni.example', displayName: 'Ida Formand' },
};
const secretary: Inline = {
  kind: 'mention',
  person: { email: 'sn@uni.example', displayName: 'Sune Sekretær' },
};

describe('category and period names', () => {
  it('names the traffic lights and the students out of scope', () => {
    expect(da.category).toEqual({
      green: 'Grøn',
      yellow: 'Gul',
      red: 'Rød',
      blue: 'Blå',
      out_of_scope: 'Uden for målgruppen',
    });
    expect(en.category).toEqual({
      green: 'Green',
      yellow: 'Yellow',
      red: 'Red',
      blue: 'Blue',
      out_of_scope: 'Out of scope',
    });
  });

  it('names spring and autumn periods', () => {
    expect(da.period.name(spring2026)).toBe('forår 2026');
    expect(da.period.name(autumn2025)).toBe('efterår 2025');
    expect(en.period.name(spring2026)).toBe('spring 2026');
    expect(en.period.name(autumn2025)).toBe('autumn 2025');
  });
});

describe('the exam-period reminder', () => {
  it('has a heading with the period and the board', () => {
    expect(da.reminder.heading({ period: spring2026, boardName: 'Studienævn for Datalogi' })).toBe(
      'Identifikation af frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
    );
    expect(en.reminder.heading({ period: spring2026, boardName: 'Study Board of Computer Science' })).toBe(
      'At-risk students – spring 2026 – Study Board of Computer Science',
    );
  });

  it('addresses the chair and the secretary with the mentions the caller gives', () => {
    const intro = da.reminder.intro({ chair, secretary, period: spring2026 });
    expect(intro).toEqual([
      chair,
      ' (formand) og ',
      secretary,
      ' (sekretær): Det er tid til at identificere frafaldstruede studerende for forår 2026.',
    ]);
    expect(en.reminder.intro({ chair, secretary, period: spring2026 })).toEqual([
      chair,
      ' (chair) and ',
      secretary,
      ' (secretary): it is time to identify students at risk of dropping out for spring 2026.',
    ]);
  });

  it('gives a count with its change since the previous period, with a true minus sign', () => {
    expect(da.reminder.countWithChange({ count: 12, change: 3, since: autumn2025 })).toBe(
      '12 (+3 siden efteråret 2025)',
    );
    expect(da.reminder.countWithChange({ count: 1234, change: -2, since: spring2026 })).toBe(
      '1.234 (\u22122 siden foråret 2026)',
    );
    expect(en.reminder.countWithChange({ count: 1234, change: 0, since: autumn2025 })).toBe(
      '1,234 (±0 since autumn 2025)',
    );
  });

  it('agrees the Danish adjective with one or more students', () => {
    expect(da.reminder.newlyRed(1)).toBe('1 studerende er blevet rød siden sidste identifikation.');
    expect(da.reminder.newlyRed(3)).toBe('3 studerende er blevet røde siden sidste identifikation.');
    expect(da.reminder.newlyRed(0)).toBe('0 studerende er blevet røde siden sidste identifikation.');
    expect(da.reminder.leftRed(1)).toBe('1 studerende er ikke længere rød.');
    expect(da.reminder.leftRed(2)).toBe('2 studerende er ikke længere røde.');
  });

  it('uses English singular and plural', () => {
    expect(en.reminder.newlyRed(1)).toBe('1 student has turned red since the last identification.');
    expect(en.reminder.newlyRed(2)).toBe('2 students have turned red since the last identification.');
    expect(en.reminder.leftRed(1)).toBe('1 student is no longer red.');
    expect(en.reminder.leftRed(1234)).toBe('1,234 students are no longer red.');
    expect(en.reminder.noEmail(1)).toBe(
      '1 student has no e-mail address in the export and cannot be contacted by e-mail.',
    );
  });

  it('tells about side-subject students in both directions', () => {
    expect(da.reminder.forwardedOut(1)).toBe(
      '1 studerende med sidefag er sendt videre til sidefagets studienævn.',
    );
    expect(da.reminder.forwardedOut(4)).toBe(
      '4 studerende med sidefag er sendt videre til sidefagenes studienævn.',
    );
    expect(da.reminder.forwardedIn(1)).toBe('1 sidefagsstuderende er sendt hertil fra et andet studienævn.');
    expect(da.reminder.forwardedIn(2)).toBe('2 sidefagsstuderende er sendt hertil fra andre studienævn.');
    expect(en.reminder.forwardedIn(2)).toBe(
      '2 side-subject students were forwarded here by other study boards.',
    );
  });

  it('flags § 31 students who will not be contacted', () => {
    expect(da.reminder.uncontactedOverdue({ count: 3, months: 12 })).toBe(
      '§ 31: 3 studerende er mere end 12 måneder forsinkede og kontaktes ikke (blå).',
    );
    expect(da.reminder.uncontactedOverdue({ count: 1, months: 12 })).toBe(
      '§ 31: 1 studerende er mere end 12 måneder forsinket og kontaktes ikke (blå).',
    );
    expect(en.reminder.uncontactedOverdue({ count: 1, months: 1 })).toBe(
      '§ 31: 1 student is more than 1 month behind and will not be contacted (blue).',
    );
  });

  it('names the people it could not notify', () => {
    expect(da.reminder.couldNotNotify(['Anne Hansen'])).toBe(
      'Kunne ikke give besked til Anne Hansen: platformen kender ikke vedkommendes e-mailadresse.',
    );
    expect(da.reminder.couldNotNotify(['Anne Hansen', 'Bo Jensen', 'Carl Nielsen'])).toBe(
      'Kunne ikke give besked til Anne Hansen, Bo Jensen og Carl Nielsen: platformen kender ikke deres e-mailadresser.',
    );
    expect(en.reminder.couldNotNotify(['Anne Hansen', 'Bo Jensen'])).toBe(
      'Could not notify Anne Hansen and Bo Jensen: this platform does not know their e-mail addresses.',
    );
  });

  it('asks for the export when none is imported for the period', () => {
    expect(da.reminder.exportMissing(spring2026)).toBe(
      'Der er endnu ingen eksport for forår 2026. Upload venligst eksporten af de studerendes studieprogression (CSV eller XLSX) her i kanalen.',
    );
    expect(en.reminder.exportMissing(spring2026)).toBe(
      'There is no export for spring 2026 yet. Please upload the study-progress export (CSV or XLSX) in this channel.',
    );
  });

  it('has a button to review the students', () => {
    expect(da.reminder.reviewButton).toBe('Gennemgå studerende');
    expect(en.reminder.reviewButton).toBe('Review students');
  });
});

describe('the review list', () => {
  it('routes side-subject students to and from other boards', () => {
    expect(da.review.routing.own).toBe('Eget');
    expect(da.review.routing.forwardedTo('SN-HUM')).toBe('Sendt videre til SN-HUM');
    expect(en.review.routing.receivedFrom('SN-DAT')).toBe('Received from SN-DAT');
  });

  it('has a header for every column', () => {
    expect(Object.values(da.review.column)).toEqual([
      'Studienr.',
      'Navn',
      'Uddannelse',
      'Kategori',
      'ECTS bagud',
      'Forsinkelse (mdr.)',
      '§ 31',
      'Studienævn',
      'E-mail',
    ]);
  });

  it('counts the students at risk and, apart, the blue ones, who are not contacted', () => {
    expect(da.review.summary({ red: 12, yellow: 30, blue: 4 })).toBe(
      'Frafaldstruede: 12 røde og 30 gule studerende. Derudover 4 blå studerende: de håndteres efter reglerne om inaktivitet og kontaktes ikke (vælg Blå for at se dem).',
    );
    expect(en.review.summary({ red: 1, yellow: 0, blue: 1 })).toBe(
      'At risk: 1 red and 0 yellow student. Apart from them, 1 blue student: handled under the inactivity rules, not contacted (choose Blue to see them).',
    );
  });

  it('says which page of how many, with the total', () => {
    expect(da.review.pageStatus({ page: 2, pages: 16, total: 1391 })).toBe('Side 2 af 16 · 1.391 studerende');
    expect(en.review.pageStatus({ page: 1, pages: 1, total: 1 })).toBe('Page 1 of 1 · 1 student');
  });

  it("keeps the view's title and buttons within Slack's limits", () => {
    for (const t of [da, en]) {
      expect(t.review.formTitle.length).toBeLessThanOrEqual(24);
      expect(t.review.searchButton.length).toBeLessThanOrEqual(24);
      expect(t.review.closeButton.length).toBeLessThanOrEqual(24);
    }
  });
});

describe('answers to an export', () => {
  it('confirms an import with the reference date in words', () => {
    const imported = { fileName: 'foraar.csv', asOf: dateOf('2026-04-06'), students: 1234, outOfScope: 56 };
    expect(da.progressImport.imported(imported)).toBe(
      'Eksporten er indlæst: foraar.csv, opgjort pr. 6. april 2026, 1.234 studerende, heraf 56 uden for målgruppen.',
    );
    expect(en.progressImport.imported(imported)).toBe(
      'The export has been imported: foraar.csv as of 6 April 2026, 1,234 students, 56 of them out of scope.',
    );
  });

  it('lists why a file was rejected, one problem a line, numbered as the spreadsheet numbers its rows', () => {
    const notANumber = { code: 'not_a_number', text: 'femten' } as const;
    const problem = da.progressImport.problem({ line: 1234, column: 'Beståede ECTS', reason: notANumber });
    expect(problem).toBe('linje 1234, kolonne Beståede ECTS: »femten« er ikke et tal');
    expect(en.progressImport.problem({ line: 1234, column: 'ects_passed', reason: notANumber })).toBe(
      'line 1234, column ects_passed: "femten" is not a number',
    );
    expect(da.progressImport.problem({ line: null, column: null, reason: { code: 'file_empty' } })).toBe(
      'filen er tom',
    );
    expect(da.progressImport.rejected({ fileName: 'foraar.csv', problems: [problem], more: 20 })).toBe(
      [
        'Filen foraar.csv kunne ikke bruges, og intet fra den er gemt:',
        'linje 1234, kolonne Beståede ECTS: »femten« er ikke et tal',
        '… og 20 mere',
        'Ret filen og upload den igen.',
      ].join('\n'),
    );
    expect(
      en.progressImport.rejected({ fileName: 'spring.csv', problems: ['line 2, column name: x'], more: 0 }),
    ).toBe(
      [
        'spring.csv could not be used, and nothing from it was stored:',
        'line 2, column name: x',
        'Please correct the file and upload it again.',
      ].join('\n'),
    );
  });

  it('reports a rejected file as plain text for a terminal or a file beside the export', () => {
    expect(
      en.progressImport.rejectionReport({ fileName: 'spring.csv', problems: ['a', 'b'], more: 1234 }),
    ).toBe(['spring.csv cannot be used:', 'a', 'b', '… and 1,234 more'].join('\n'));
    expect(da.progressImport.rejectionReport({ fileName: 'forår.csv', problems: ['a'], more: 0 })).toBe(
      ['Filen forår.csv kan ikke bruges:', 'a'].join('\n'),
    );
  });
});

describe('errors', () => {
  it('says what went wrong and whom to contact, quoting a reference when there is one', () => {
    expect(da.errors.somethingWentWrong({ contact: secretary, reference: 'a1b2' })).toEqual([
      'Noget gik galt – prøv igen, eller kontakt ',
      secretary,
      ' og oplys fejlreferencen ',
      { kind: 'styled', text: 'a1b2', code: true },
      '.',
    ]);
    expect(en.errors.somethingWentWrong({ contact: 'IT support', reference: null })).toEqual([
      'Something went wrong. Please try again, or contact ',
      'IT support',
      '.',
    ]);
  });

  it('refuses with the action and where to ask for access', () => {
    expect(da.errors.notAllowed('remind_now')).toBe(
      'Du har ikke adgang til at sende påmindelsen. Kontakt studienævnets sekretær, hvis du mener, at du bør have adgang.',
    );
    expect(en.errors.notAllowed('import_export')).toBe(
      "You are not allowed to import exports for this study board. If you think you should be, contact the study board's secretary.",
    );
  });
});

describe('charts', () => {
  it('describes a chart in words for screen readers', () => {
    const counts = { green: 1234, yellow: 30, red: 12, blue: 4 };
    expect(da.charts.categoryAltText(counts)).toBe(
      'Søjlediagram over studerende pr. kategori: grøn 1.234, gul 30, rød 12 og blå 4.',
    );
    const cycles = [
      { label: 'efterår 2025', counts: { green: 1200, yellow: 35, red: 10, blue: 5 } },
      { label: 'forår 2026', counts },
    ];
    expect(da.charts.trendAltText(cycles)).toBe(
      'Søjlediagram over studerende pr. kategori i 2 perioder, én række pr. kategori. ' +
        'Grøn: efterår 2025 1.200, forår 2026 1.234; Gul: efterår 2025 35, forår 2026 30; ' +
        'Rød: efterår 2025 10, forår 2026 12; Blå: efterår 2025 5, forår 2026 4.',
    );
    expect(en.charts.trendAltText([{ label: 'autumn 2025', counts }])).toBe(
      'Bar chart of students by category over 1 period, one row per category. ' +
        'Green: autumn 2025 1,234; Yellow: autumn 2025 30; Red: autumn 2025 12; Blue: autumn 2025 4.',
    );
  });
});
