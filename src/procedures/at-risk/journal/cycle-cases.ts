import { translator } from '../../../i18n/translator.js';
import type { CprCipher } from '../../../security/cpr-cipher.js';
import { CodedError } from '../../../shared/coded-error.js';
import { collectiveCaseTitle, studentCaseTitle } from './case-titles.js';
import { type CsvCell, csvDocument } from './csv-document.js';
import type { JournalCase, JournalCaseKind, JournalCaseMetadata, JournalDocument } from './journal-case.js';
import type { JournalMaterial, JournalStudent, SentMail } from './journal-input.js';
import { mailDocument } from './mail-document.js';

/**
 * The cases one cycle is journalised in (procedure step 6): one student case
 * per sent mail, holding that mail, and one collective case per programme
 * of the cycle, holding the identification list, the exclusions with their
 * reasons and the list of sent mails. A case is planned from the material
 * and built only when it is filed: a student case's title needs the CPR
 * number, which is opened then and kept no longer than the filing.
 */
export interface PlannedCase {
  readonly caseKey: string;
  readonly kind: JournalCaseKind;
  build(createdAt: Date): Promise<JournalCase>;
}

/** The lists are in Danish, the records system's language, with the catalogue's Danish words. */
const danish = translator('da');

export function plannedCases(material: JournalMaterial, cipher: CprCipher | null): PlannedCase[] {
  const students = new Map(material.students.map((student) => [student.studentNumber, student]));
  checkMaterial(material, students);
  const mailsByStudent = Map.groupBy(
    [...material.sentMails].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime()),
    (mail) => mail.studentNumber,
  );
  const studentCases = [...mailsByStudent].map(([studentNumber, mails]) =>
    studentCase(material, studentOf(students, studentNumber), mails, cipher),
  );
  const programmes = [...new Map(material.students.map((s) => [s.programmeCode, s.programmeName]))];
  const collectiveCases = programmes
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => collectiveCase(material, students, { code, name }));
  return [...collectiveCases, ...studentCases];
}

/** A mail or an exclusion of a student not on the identification list is a mistake of the caller's mapping. */
function checkMaterial(material: JournalMaterial, students: ReadonlyMap<string, JournalStudent>): void {
  const strangers = [
    ...material.sentMails.map((mail) => mail.studentNumber),
    ...material.exclusions.map((exclusion) => exclusion.studentNumber),
  ].filter((studentNumber) => !students.has(studentNumber));
  if (strangers.length > 0) {
    throw new CodedError(
      'journal.material_invalid',
      `${strangers.length} sent mail(s) or exclusion(s) name a student who is not on the cycle's identification list (e.g. student number ${strangers[0]})`,
    );
  }
}

function studentOf(students: ReadonlyMap<string, JournalStudent>, studentNumber: string): JournalStudent {
  const student = students.get(studentNumber);
  if (!student) throw new Error(`checked above: ${studentNumber} is on the list`);
  return student;
}

function metadataOf(
  material: JournalMaterial,
  programme: { readonly code: string; readonly name: string },
  studentNumber: string | null,
): JournalCaseMetadata {
  const { cycle } = material;
  return {
    cycleId: cycle.id,
    board: { code: cycle.boardCode, name: cycle.boardName },
    programme,
    period: { ...cycle.period, name: danish.t.period.name(cycle.period) },
    studentNumber,
  };
}

function studentCase(
  material: JournalMaterial,
  student: JournalStudent,
  mails: readonly SentMail[],
  cipher: CprCipher | null,
): PlannedCase {
  return {
    caseKey: `student-${student.studentNumber}`,
    kind: 'student',
    async build(createdAt) {
      const documents = await Promise.all(
        mails.map(
          async (mail, index): Promise<JournalDocument> => ({
            fileName: `mail-${index + 1}.eml`,
            mediaType: 'message/rfc822',
            description: `Mail sendt ${localTime(mail.sentAt, material.timeZone)} (skabelon ${mail.template}, ${mail.language})`,
            content: await mailDocument(mail),
          }),
        ),
      );
      return {
        caseKey: `student-${student.studentNumber}`,
        kind: 'student',
        // Opened last, once everything else of the case is ready.
        title: studentCaseTitle({ ...student, cipher }),
        metadata: metadataOf(
          material,
          { code: student.programmeCode, name: student.programmeName },
          student.studentNumber,
        ),
        createdAt,
        documents,
      };
    },
  };
}

function collectiveCase(
  material: JournalMaterial,
  students: ReadonlyMap<string, JournalStudent>,
  programme: { readonly code: string; readonly name: string },
): PlannedCase {
  const ofProgramme = (studentNumber: string) =>
    students.get(studentNumber)?.programmeCode === programme.code;
  const yesNo = (flag: boolean) => (flag ? 'Ja' : 'Nej');
  return {
    caseKey: `collective-${programme.code}`,
    kind: 'collective',
    async build(createdAt) {
      const identification = material.students
        .filter((student) => student.programmeCode === programme.code)
        .map((student): CsvCell[] => [
          student.studentNumber,
          student.name,
          danish.t.category[student.category],
          student.ectsBehind,
          student.delayMonths,
          yesNo(student.specialGuidance),
          yesNo(student.mandatoryContact),
        ]);
      const exclusions = material.exclusions
        .filter((exclusion) => ofProgramme(exclusion.studentNumber))
        .map((exclusion): CsvCell[] => {
          const student = studentOf(students, exclusion.studentNumber);
          return [
            student.studentNumber,
            student.name,
            danish.t.category[student.category],
            student.delayMonths,
            yesNo(student.mandatoryContact),
            danish.t.boardMeeting.exclusionReason[exclusion.reason],
            exclusion.note ?? '',
            exclusion.excludedBy,
            localTime(exclusion.excludedAt, material.timeZone),
          ];
        });
      const mails = material.sentMails
        .filter((mail) => ofProgramme(mail.studentNumber))
        .map((mail): CsvCell[] => [
          mail.studentNumber,
          studentOf(students, mail.studentNumber).name,
          mail.to,
          mail.template,
          mail.language,
          mail.subject,
          mail.messageId,
          localTime(mail.sentAt, material.timeZone),
        ]);
      return {
        caseKey: `collective-${programme.code}`,
        kind: 'collective',
        title: collectiveCaseTitle(material.cycle.period, programme.name),
        metadata: metadataOf(material, programme, null),
        createdAt,
        documents: [
          {
            fileName: 'identifikation.csv',
            mediaType: 'text/csv; charset=utf-8',
            description: 'Identifikationsdata fra eksporten (uden CPR-numre)',
            content: csvDocument(identificationHeader, identification),
          },
          {
            fileName: 'frasorterede.csv',
            mediaType: 'text/csv; charset=utf-8',
            description: 'Frasorterede studerende med begrundelse',
            content: csvDocument(exclusionHeader, exclusions),
          },
          {
            fileName: 'sendte-mails.csv',
            mediaType: 'text/csv; charset=utf-8',
            description: 'Sendte mails',
            content: csvDocument(sentMailHeader, mails),
          },
        ],
      };
    },
  };
}

const identificationHeader = [
  'Studienummer',
  'Navn',
  'Kategori',
  'ECTS bagud',
  'Forsinkelse (måneder)',
  'Ret til særlig vejledning (§ 31, stk. 1)',
  'Skal tilbydes samtale (§ 31, stk. 2)',
];
const exclusionHeader = [
  'Studienummer',
  'Navn',
  'Kategori',
  'Forsinkelse (måneder)',
  'Skal tilbydes samtale (§ 31, stk. 2)',
  'Begrundelse',
  'Uddybning',
  'Frasorteret af',
  'Frasorteret',
];
const sentMailHeader = [
  'Studienummer',
  'Navn',
  'Modtager',
  'Skabelon',
  'Sprog',
  'Emne',
  'Message-ID',
  'Sendt',
];

/** `2026-04-07 10:00` in the institution's zone: what a spreadsheet reads as a date and time. */
const localTimeFormats = new Map<string, Intl.DateTimeFormat>();
function localTime(at: Date, timeZone: string): string {
  let format = localTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localTimeFormats.set(timeZone, format);
  }
  return format.format(at);
}
