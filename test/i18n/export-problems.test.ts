import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translator.js';
import type {
  ProblemCode,
  ProblemReason,
} from '../../src/procedures/at-risk/progress-export/problem-reason.js';

const da = translator('da').t;
const en = translator('en').t;
const nb = translator('nb').t;

interface Wording<C extends ProblemCode> {
  readonly reason: Extract<ProblemReason, { code: C }>;
  readonly da: string;
  readonly en: string;
  readonly nb: string;
}

/**
 * Every reason the parser can give and how each language words it. Typed by
 * the reason codes: a new code without its wording here does not compile.
 * The English is the wording the command line and the logs have always used.
 */
const wordings: { readonly [C in ProblemCode]: Wording<C> } = {
  file_empty: {
    reason: { code: 'file_empty' },
    da: 'filen er tom',
    en: 'the file is empty',
    nb: 'filen er tom',
  },
  utf16: {
    reason: { code: 'utf16' },
    da: 'filen er gemt som UTF-16-tekst, som ikke kan bruges; gem den som »CSV UTF-8« eller XLSX',
    en: 'the file is UTF-16 text, which is not supported; save it as "CSV UTF-8" or XLSX',
    nb: 'filen er lagret som UTF-16-tekst, som ikke kan brukes; lagre den som «CSV UTF-8» eller XLSX',
  },
  invalid_utf8_after_bom: {
    reason: { code: 'invalid_utf8_after_bom' },
    da: 'filen begynder med et UTF-8-mærke (BOM), men er ikke gyldig UTF-8; gem den igen som »CSV UTF-8«',
    en: 'the file starts with a UTF-8 byte order mark but is not valid UTF-8; save it again as "CSV UTF-8"',
    nb: 'filen begynner med et UTF-8-merke (BOM), men er ikke gyldig UTF-8; lagre den på nytt som «CSV UTF-8»',
  },
  old_excel_workbook: {
    reason: { code: 'old_excel_workbook' },
    da: 'filen er en gammel Excel 97-2003-projektmappe (.xls); gem den som XLSX eller CSV',
    en: 'the file is an old Excel 97-2003 workbook (.xls); save it as XLSX or CSV',
    nb: 'filen er en gammel Excel 97-2003-arbeidsbok (.xls); lagre den som XLSX eller CSV',
  },
  unreadable_xlsx: {
    reason: { code: 'unreadable_xlsx', detail: 'invalid zip data' },
    // The reader's own explanation is English, so a Danish reader is spared it.
    da: 'filen ligner en XLSX-projektmappe, men kan ikke læses; åbn den i Excel, og gem den igen',
    en: 'the file looks like an XLSX workbook but cannot be read (invalid zip data); open it in Excel and save it again',
    nb: 'filen ser ut som en XLSX-arbeidsbok, men kan ikke leses; åpne den i Excel og lagre den på nytt',
  },
  single_column_header: {
    reason: { code: 'single_column_header', delimiters: [',', ';'] },
    da: 'overskriftsrækken har kun én kolonne; kolonnerne skal adskilles med »,« eller »;«',
    en: 'the header has a single column; columns must be separated by "," or ";"',
    nb: 'overskriftsraden har bare én kolonne; kolonnene må skilles med «,» eller «;»',
  },
  unclosed_quote: {
    reason: { code: 'unclosed_quote' },
    da: 'et felt i anførselstegn begynder i denne linje, men det afsluttende anførselstegn mangler',
    en: 'a quoted field starts on this line but its closing quote is missing',
    nb: 'et felt i anførselstegn begynner på denne linjen, men det avsluttende anførselstegnet mangler',
  },
  text_after_closing_quote: {
    reason: { code: 'text_after_closing_quote' },
    da: 'uventet tekst efter et afsluttende anførselstegn (et anførselstegn inde i et felt i anførselstegn skal skrives to gange: "")',
    en: 'unexpected text after a closing quote (a quote inside a quoted field must be written twice: "")',
    nb: 'uventet tekst etter et avsluttende anførselstegn (et anførselstegn inne i et felt i anførselstegn må skrives to ganger: "")',
  },
  field_count: {
    reason: { code: 'field_count', fields: 16, headerFields: 15 },
    da: 'har 16 felter, men overskriftsrækken har 15',
    en: 'has 16 fields, the header has 15',
    nb: 'har 16 felter, men overskriftsraden har 15',
  },
  duplicate_column: {
    reason: { code: 'duplicate_column', column: 'student_id', first: 'student_id', second: 'Studienummer' },
    da: 'kolonnerne »student_id« og »Studienummer« betyder begge student_id; behold kun den ene',
    en: 'columns "student_id" and "Studienummer" both mean student_id; keep only one of them',
    nb: 'kolonnene «student_id» og «Studienummer» betyr begge student_id; behold bare den ene',
  },
  missing_column: {
    reason: { code: 'missing_column', column: 'ects_passed', danishName: 'Beståede ECTS' },
    da: 'den påkrævede kolonne »Beståede ECTS« mangler (på engelsk »ects_passed«)',
    en: 'missing required column "ects_passed" (Danish: "Beståede ECTS")',
    nb: 'den påkrevde kolonnen «Beståede ECTS» mangler (på engelsk «ects_passed»)',
  },
  not_a_progress_export: {
    reason: {
      code: 'not_a_progress_export',
      columns: ['student_id', 'name', 'ects_passed'],
      danishNames: ['Studienummer', 'Navn', 'Beståede ECTS'],
    },
    da: 'filen er ikke et udtræk af studieforløb: overskriftsrækken nævner ingen af de kolonner, et udtræk skal have (Studienummer, Navn, Beståede ECTS; på engelsk student_id, name, …)',
    en: 'this is not a study-progress export: its header names none of the columns an export must have (student_id, name, ects_passed; in Danish Studienummer, Navn, …)',
    nb: 'filen er ikke en eksport av studieprogresjon: overskriftsraden nevner ingen av kolonnene en eksport må ha (Studienummer, Navn, Beståede ECTS; på engelsk student_id, name, …)',
  },
  empty_cell: { reason: { code: 'empty_cell' }, da: 'cellen er tom', en: 'is empty', nb: 'cellen er tom' },
  not_a_number: {
    reason: { code: 'not_a_number', text: 'femten' },
    da: '»femten« er ikke et tal',
    en: '"femten" is not a number',
    nb: '«femten» er ikke et tall',
  },
  negative: {
    reason: { code: 'negative', text: '-3' },
    da: '»-3« er et negativt tal',
    en: '"-3" is negative',
    nb: '«-3» er et negativt tall',
  },
  other_decimal_mark: {
    reason: { code: 'other_decimal_mark', text: '7.5', mark: '.' },
    da: '»7.5« er skrevet med decimalpunktum, men filen bruger decimalkomma',
    en: '"7.5" uses a decimal point but this file uses decimal commas',
    nb: '«7.5» er skrevet med desimalpunktum, men filen bruker desimalkomma',
  },
  not_a_date: {
    reason: { code: 'not_a_date', text: '31-02-2025' },
    da: '»31-02-2025« er ikke en dato (brug ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ)',
    en: '"31-02-2025" is not a date (use YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY)',
    nb: '«31-02-2025» er ikke en dato (bruk ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ)',
  },
  not_an_email: {
    reason: { code: 'not_an_email', text: 'ida.holm' },
    da: '»ida.holm« er ikke en e-mailadresse',
    en: '"ida.holm" is not an e-mail address',
    nb: '«ida.holm» er ikke en e-postadresse',
  },
  not_a_cpr: {
    reason: { code: 'not_a_cpr' },
    da: 'værdien er ikke et CPR-nummer (DDMMÅÅ-XXXX eller DDMMÅÅXXXX)',
    en: 'not a CPR number (DDMMYY-XXXX or DDMMYYXXXX)',
    nb: 'verdien er ikke et CPR-nummer (DDMMÅÅ-XXXX eller DDMMÅÅXXXX)',
  },
  cpr_outside_cpr_column: {
    reason: { code: 'cpr_outside_cpr_column' },
    da: 'indeholder noget, der ligner et CPR-nummer; et CPR-nummer hører kun hjemme i kolonnen CPR (værdien vises ikke)',
    en: 'holds what looks like a CPR number; a CPR number belongs only in the CPR column (the value is not shown)',
    nb: 'inneholder noe som ligner et CPR-nummer; et CPR-nummer hører bare hjemme i kolonnen CPR (verdien vises ikke)',
  },
  not_in_list: {
    reason: {
      code: 'not_in_list',
      text: 'fuldtid',
      list: 'enrolment_type',
      accepted: {
        english: ['ordinary', 'single-subject', 'guest', 'exchange'],
        danish: ['ordinær', 'enkeltfag', 'gæst', 'udveksling'],
      },
    },
    da: '»fuldtid« er ikke en indskrivningstype (ordinær, enkeltfag, gæst, udveksling eller ordinary, single-subject, guest, exchange)',
    en: '"fuldtid" is not an enrolment type (ordinary, single-subject, guest, exchange or ordinær, enkeltfag, gæst, udveksling)',
    nb: '«fuldtid» er ikke en innskrivingstype (ordinær, enkeltfag, gæst, udveksling eller ordinary, single-subject, guest, exchange)',
  },
  duplicate_student: {
    reason: { code: 'duplicate_student', studentId: 'S123', firstLine: 2 },
    da: '»S123« forekommer igen (første gang i linje 2)',
    en: '"S123" appears again (first on line 2)',
    nb: '«S123» forekommer igjen (første gang på linje 2)',
  },
  unknown_board: {
    reason: { code: 'unknown_board', board: 'SN-XYZ', known: ['SN-DAT', 'SN-HIS'] },
    da: '»SN-XYZ« er ikke et studienævn i konfigurationen (kendte: SN-DAT, SN-HIS)',
    en: '"SN-XYZ" is not a study board in the configuration (known: SN-DAT, SN-HIS)',
    nb: '«SN-XYZ» er ikke et studieutvalg i konfigurasjonen (kjente: SN-DAT, SN-HIS)',
  },
};

const everyWording = Object.values(wordings);
const unplaced = (reason: ProblemReason) => ({ line: null, column: null, reason });

/**
 * English words a Danish or Norwegian sentence has no business with. Quoted values and the
 * file formats' own names (`CSV UTF-8`, `ects_passed`) are taken out first.
 */
const englishWords =
  /\b(the|is|not|an?|and|or|of|on|this|must|be|save|file|line|column|number|date|missing)\b/i;
const withoutValues = (text: string) => text.replace(/»[^«]*«|«[^»]*»|"[^"]*"|\b\w+_\w+\b/g, '');

describe('export problems in the reader’s language', () => {
  it.each(everyWording)('$reason.code reads naturally in Danish and as before in English', (wording) => {
    expect(da.progressImport.problem(unplaced(wording.reason))).toBe(wording.da);
    expect(en.progressImport.problem(unplaced(wording.reason))).toBe(wording.en);
  });

  it.each(everyWording)(
    "$reason.code reads naturally in Norwegian Bokmål, the export's Danish names kept",
    (wording) => {
      expect(nb.progressImport.problem(unplaced(wording.reason))).toBe(wording.nb);
    },
  );

  it.each(everyWording)('$reason.code holds no English in Danish or Norwegian', ({ reason }) => {
    expect(withoutValues(da.progressImport.problem(unplaced(reason)))).not.toMatch(englishWords);
    expect(withoutValues(nb.progressImport.problem(unplaced(reason)))).not.toMatch(englishWords);
  });

  it('a problem is placed by its line and the column as the file names it', () => {
    const located = { line: 1234, column: 'Beståede ECTS', reason: { code: 'empty_cell' } } as const;
    expect(da.progressImport.problem(located)).toBe('linje 1234, kolonne Beståede ECTS: cellen er tom');
    expect(en.progressImport.problem(located)).toBe('line 1234, column Beståede ECTS: is empty');
    expect(da.progressImport.problem({ ...located, column: null })).toBe('linje 1234: cellen er tom');
    expect(nb.progressImport.problem(located)).toBe('linje 1234, kolonne Beståede ECTS: cellen er tom');
  });

  it('the other decimal mark, a single field, a list without Danish words and a missing reader’s detail', () => {
    const comma = { code: 'other_decimal_mark', text: '2,5', mark: ',' } as const;
    expect(da.progressImport.problem(unplaced(comma))).toBe(
      '»2,5« er skrevet med decimalkomma, men filen bruger decimalpunktum',
    );
    expect(en.progressImport.problem(unplaced(comma))).toBe(
      '"2,5" uses a decimal comma but this file uses decimal points',
    );
    const oneField = { code: 'field_count', fields: 1, headerFields: 15 } as const;
    expect(da.progressImport.problem(unplaced(oneField))).toBe('har 1 felt, men overskriftsrækken har 15');
    expect(en.progressImport.problem(unplaced(oneField))).toBe('has 1 field, the header has 15');
    const language = {
      code: 'not_in_list',
      text: 'fr',
      list: 'teaching_language',
      accepted: { english: ['da', 'en'], danish: [] },
    } as const;
    expect(da.progressImport.problem(unplaced(language))).toBe(
      '»fr« er ikke et undervisningssprog (da eller en)',
    );
    expect(en.progressImport.problem(unplaced(language))).toBe('"fr" is not a teaching language (da or en)');
    const status = {
      code: 'not_in_list',
      text: 'x',
      list: 'status',
      accepted: { english: ['active', 'leave'], danish: ['aktiv', 'orlov'] },
    } as const;
    expect(da.progressImport.problem(unplaced(status))).toBe(
      '»x« er ikke en status (aktiv, orlov eller active, leave)',
    );
    expect(en.progressImport.problem(unplaced(status))).toBe(
      '"x" is not a status (active, leave or aktiv, orlov)',
    );
    const noDetail = { code: 'unreadable_xlsx', detail: null } as const;
    expect(en.progressImport.problem(unplaced(noDetail))).toBe(
      'the file looks like an XLSX workbook but cannot be read; open it in Excel and save it again',
    );
  });
});
