import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { PrismaClient } from '../../../../src/generated/prisma/client.js';
import type {
  JournalExclusion,
  JournalMaterial,
  JournalStudent,
  SentMail,
} from '../../../../src/procedures/at-risk/journal/journal-input.js';
import { createCprCipher } from '../../../../src/security/cpr-cipher.js';

/** The test's key, and the cipher the import would have sealed the numbers with. */
export const cipher = createCprCipher(new Uint8Array(32).fill(9));

/** A CPR number per student, CPR-shaped (a possible birth date), ten digits as the import stores them. */
export function cprOf(index: number): string {
  const day = String((index % 28) + 1).padStart(2, '0');
  const month = String((index % 12) + 1).padStart(2, '0');
  return `${day}${month}98${String(4000 + index).padStart(4, '0')}`;
}

/** `DDMMYY-XXXX` as the student case's title writes it. */
export const titledCpr = (cpr: string) => `${cpr.slice(0, 6)}-${cpr.slice(6)}`;

/** Anything CPR-shaped, with or without the dash. */
export const cprShaped = /(?<!\d)\d{6}-?\d{4}(?!\d)/;

export function student(
  index: number,
  overrides: Partial<Omit<JournalStudent, 'cprEncrypted'>> & { readonly cpr?: string | null } = {},
): JournalStudent & { readonly cpr: string | null } {
  const studentNumber = overrides.studentNumber ?? `S${1000 + index}`;
  const cpr = overrides.cpr === undefined ? cprOf(index) : overrides.cpr;
  return {
    studentNumber,
    name: `Åse Ørum Ærø ${index}`,
    programmeCode: 'DAT-BSC',
    programmeName: 'Datalogi',
    category: 'red',
    ectsBehind: 65,
    delayMonths: 13,
    specialGuidance: true,
    mandatoryContact: true,
    ...overrides,
    cpr,
    cprEncrypted: cpr === null ? null : cipher.encrypt(cpr, studentNumber),
  };
}

export function sentMail(to: JournalStudent, overrides: Partial<SentMail> = {}): SentMail {
  return {
    studentNumber: to.studentNumber,
    from: 'Studienævn for Datalogi <sn-dat@uni.example>',
    to: `${to.studentNumber.toLowerCase()}@student.uni.example`,
    subject: 'Tilbud om en samtale om dine studier',
    text: `Kære ${to.name}\n\nDu er mere end 12 måneder forsinket (§ 31, stk. 2). Vi tilbyder dig en samtale.`,
    html: `<p>Kære ${to.name}</p><p>Du er mere end 12 måneder forsinket (§ 31, stk. 2). Vi tilbyder dig en samtale.</p>`,
    messageId: `<${to.studentNumber.toLowerCase()}.spring-2026@trafiklys.uni.example>`,
    sentAt: new Date('2026-04-07T08:15:00Z'),
    template: 'red',
    language: 'da',
    ...overrides,
  };
}

export function exclusion(of: JournalStudent, overrides: Partial<JournalExclusion> = {}): JournalExclusion {
  return {
    studentNumber: of.studentNumber,
    reason: 'elite_athlete',
    note: null,
    excludedBy: 'chair@uni.example',
    excludedAt: new Date('2026-04-06T12:00:00Z'),
    ...overrides,
  };
}

/** A cycle of the board SN-DAT, spring 2026, stored so the journal's rows can refer to it. */
export async function storedCycle(prisma: PrismaClient, boardCode = 'SN-DAT'): Promise<string> {
  await prisma.faculty.upsert({
    where: { code: 'TECH' },
    create: { code: 'TECH', name: 'Det Tekniske Fakultet' },
    update: {},
  });
  await prisma.studyBoard.upsert({
    where: { code: boardCode },
    create: {
      code: boardCode,
      name: 'Studienævn for Datalogi',
      facultyCode: 'TECH',
      chairEmail: 'chair@uni.example',
      secretaryEmail: 'secretary@uni.example',
      delegateEmails: [],
      consoleChannel: boardCode.toLowerCase(),
    },
    update: {},
  });
  const cycle = await prisma.identificationCycle.create({
    data: {
      boardCode,
      term: 'spring',
      year: 2026,
      referenceDate: new Date('2026-04-06T00:00:00Z'),
      sourceFileName: 'spring.csv',
      sourceFileHash: 'a'.repeat(64),
      status: 'dispatched',
      greenCount: 0,
      yellowCount: 1,
      redCount: 2,
      blueCount: 0,
      outOfScopeCount: 0,
      forwardedOutCount: 0,
      forwardedInCount: 0,
      noEmailCount: 0,
      uncontactedOverdueCount: 0,
    },
  });
  return cycle.id;
}

/**
 * Three students of two programmes: two got mails, one was excluded (a
 * § 31 stk. 2 student, confirmed by the chair).
 */
export function material(cycleId: string, students = threeStudents()): JournalMaterial {
  const [red, yellow, excluded] = students;
  if (!red || !yellow || !excluded) throw new Error('three students needed');
  return {
    cycle: {
      id: cycleId,
      boardCode: 'SN-DAT',
      boardName: 'Studienævn for Datalogi',
      period: { term: 'spring', year: 2026 },
    },
    students,
    exclusions: [exclusion(excluded, { reason: 'other', note: 'Aftalt med studievejledningen; ny plan' })],
    sentMails: [
      sentMail(red),
      sentMail(yellow, {
        template: 'yellow',
        language: 'en',
        subject: 'Guidance for your studies',
        text: 'Dear student, you have a right to special guidance (§ 31, stk. 1).',
        html: '<p>Dear student, you have a right to special guidance (§ 31, stk. 1).</p>',
      }),
    ],
    timeZone: 'Europe/Copenhagen',
  };
}

export function threeStudents() {
  return [
    student(1),
    student(2, {
      programmeCode: 'SW-BSC',
      programmeName: 'Software',
      category: 'yellow',
      ectsBehind: 35,
      delayMonths: 7,
      mandatoryContact: false,
    }),
    student(3, { name: '=HYPERLINK("http://evil.example")' }),
  ] as const;
}

/**
 * A logger that writes what it is given, unmasked (unlike the application's,
 * which masks CPR shapes as a last defence): a CPR number found in these
 * lines was logged by the code under test.
 */
export function unmaskedLogger() {
  let output = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, destination), text: () => output };
}
