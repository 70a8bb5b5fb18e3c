import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { generateCprKey } from '../../src/security/cpr-cipher.js';
import {
  boardChannel,
  chair,
  secretary,
  seedTeam,
  teamInstall,
} from '../surfaces/teams/support/teams-activities.js';
import { type BotOnEverySurface, startBotOnEverySurface } from './bot-on-every-surface.js';
import { consoleClient } from './console-client.js';
import { type ProgressRowInput, progressExportCsv } from './progress-export-builder.js';
import { SmtpServerDouble } from './smtp-server-double.js';

/**
 * The world of one chair's walk through the at-risk procedure (review →
 * exclude → preview → test mail → dispatch → journal), on the whole bot with
 * every surface on, a real SMTP server on loopback, a folder journal and an
 * export with CPR numbers: one History board, its export shared in its channel.
 */
export const chairEmail = chair.email ?? '';
export const secretaryEmail = secretary.email ?? '';
export const slackChannel = 'C0HISTORY1';
export const consoleChannel = 'sn-his';
export const reviewValue = 'SN-HIS|spring|2026';

/** The students of the export, by student number. */
export const students = {
  /** Red, 16 months behind, taught in Danish: the red mail in Danish. */
  redDanish: 'R1',
  /** Red, taught in English: the red mail in English. */
  redEnglish: 'R2',
  /** Yellow, taught in Danish: the yellow mail in Danish. */
  yellowDanish: 'Y1',
  /** Yellow, taught in English: the yellow mail in English. */
  yellowEnglish: 'Y2',
  /** Red and 16 months behind (§ 31 stk. 2): the chair excludes him, and must confirm it at dispatch. */
  excluded: 'X1',
  /**
   * Red on Archaeology with a side subject at History, in the same shared file:
   * Archaeology's to mail, so History's dispatch must not mail him.
   */
  sideSubject: 'A1',
} as const;

export const cprNumbers = [
  '010190-1234',
  '311299-4321',
  '150805-0007',
  '020202-2222',
  '030303-3333',
  '040404-4444',
];
const cprDigits = cprNumbers.map((cpr) => cpr.replace('-', ''));
/** A CPR number of the export, in either notation. */
export const holdsCpr = (text: string) =>
  cprNumbers.some((cpr) => text.includes(cpr)) || cprDigits.some((digits) => text.includes(digits));
/** Anything shaped like a CPR number (DDMMYY-XXXX or ten digits in a row). */
export const cprShaped = /\b\d{6}-?\d{4}\b/;

const history = { boardCode: 'SN-HIS', programmeName: 'Historie', lastPassedOn: '2026-01-20' };
const exportRows: ProgressRowInput[] = [
  {
    ...history,
    studentId: students.redDanish,
    name: 'Rasmus Rød',
    nationalId: cprNumbers[0],
    email: 'rasmus@student.example',
    ectsExpected: 120,
    ectsPassed: 40,
    teachingLanguage: 'da',
  },
  {
    ...history,
    studentId: students.redEnglish,
    name: 'Rose Red',
    nationalId: cprNumbers[1],
    email: 'rose@student.example',
    ectsExpected: 60,
    ectsPassed: 20,
    teachingLanguage: 'en',
  },
  {
    ...history,
    studentId: students.yellowDanish,
    name: 'Yrsa Gul',
    nationalId: cprNumbers[2],
    email: 'yrsa@student.example',
    ectsExpected: 60,
    ectsPassed: 50,
    teachingLanguage: 'da',
  },
  {
    ...history,
    studentId: students.yellowEnglish,
    name: 'Yusuf Yellow',
    nationalId: cprNumbers[3],
    email: 'yusuf@student.example',
    ectsExpected: 60,
    ectsPassed: 50,
    teachingLanguage: 'en',
  },
  {
    ...history,
    studentId: students.excluded,
    name: 'Xenia Udeladt',
    nationalId: cprNumbers[4],
    email: 'xenia@student.example',
    ectsExpected: 120,
    ectsPassed: 40,
    teachingLanguage: 'da',
  },
  {
    ...history,
    boardCode: 'SN-ARK',
    programmeName: 'Arkæologi',
    sideSubjectBoard: 'SN-HIS',
    studentId: students.sideSubject,
    name: 'Anders Arkæolog',
    nationalId: cprNumbers[5],
    email: 'anders@student.example',
    ectsExpected: 60,
    ectsPassed: 20,
    teachingLanguage: 'da',
  },
];

/** The students who get a mail, with the template and language each should get. */
export const expectedMails = [
  { studentNumber: students.redDanish, to: 'rasmus@student.example', template: 'red', language: 'da' },
  { studentNumber: students.redEnglish, to: 'rose@student.example', template: 'red', language: 'en' },
  { studentNumber: students.yellowDanish, to: 'yrsa@student.example', template: 'yellow', language: 'da' },
  { studentNumber: students.yellowEnglish, to: 'yusuf@student.example', template: 'yellow', language: 'en' },
] as const;

export interface ChairWalkthrough {
  readonly surfaces: BotOnEverySurface;
  readonly bot: BotOnEverySurface['bot'];
  readonly smtp: SmtpServerDouble;
  readonly journalFolder: string;
  dispose(): Promise<void>;
}

export async function startChairWalkthrough(): Promise<ChairWalkthrough> {
  const smtp = await SmtpServerDouble.start();
  const journalFolder = await mkdtemp(join(tmpdir(), 'trafiklys-walkthrough-journal-'));
  const config = [
    'institution: { name: Surface University, language: en }',
    'faculties: [{ code: HUM, name: Humanities }]',
    'boards:',
    `  - { code: SN-HIS, name: History, faculty: HUM, chair: ${chairEmail}, secretary: ${secretaryEmail},`,
    `      channels: { slack: ${slackChannel}, teams: "${boardChannel.id}", console: ${consoleChannel} } }`,
    '  - { code: SN-ARK, name: Archaeology, faculty: HUM, chair: ark@uni.example, secretary: arksec@uni.example }',
    `journal: { kind: folder, folder: ${JSON.stringify(journalFolder)} }`,
  ].join('\n');
  const surfaces = await startBotOnEverySurface({
    configYaml: config,
    slackUsers: [
      { id: 'U0CHAIR', email: chairEmail, realName: chair.name, locale: 'en-GB' },
      { id: 'U0SECRETARY', email: secretaryEmail, realName: secretary.name, locale: 'en-GB' },
    ],
    seedTeams: seedTeam,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Trafiklys <trafiklys@uni.example>',
      TRAFIKLYS_CPR_KEY: generateCprKey(),
    },
  });
  const { bot, teams } = surfaces;
  // Teams: the bot is added to the board's team, so it can post in the channel.
  await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamInstall(teams)),
  });
  // Procedure step 1: the secretary shares the export in the board's channel.
  const shared = await consoleClient(bot.url, { as: secretaryEmail }).upload(
    consoleChannel,
    'spring.csv',
    progressExportCsv(exportRows),
  );
  expect(shared.status).toBe(200);
  return {
    surfaces,
    bot,
    smtp,
    journalFolder,
    async dispose() {
      await surfaces.dispose();
      await smtp.close();
      await rm(journalFolder, { recursive: true, force: true });
    },
  };
}

export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

/** The chair's test mail arrived at her own address, marked as a test. */
export async function expectTheTestMail(world: ChairWalkthrough): Promise<void> {
  await world.smtp.waitForMails(1);
  const [test] = world.smtp.received;
  expect(test?.to).toEqual([chairEmail]);
  const parsed = await test?.parsed();
  expect(parsed?.subject).toMatch(/^\[Test\] /);
  expect(cprShaped.test(`${parsed?.subject}\n${parsed?.text}`)).toBe(false);
}

/**
 * The dispatch's mails: one each to the students who get one (not the
 * excluded, not the side subject's), in their language, with the § 31 parts,
 * the outbox's Message-ID, and nothing CPR-shaped.
 */
export async function expectTheStudentMails(world: ChairWalkthrough): Promise<void> {
  await world.smtp.waitForMails(1 + expectedMails.length);
  const studentMails = world.smtp.received.filter((mail) => !mail.to.includes(chairEmail));
  expect(studentMails.flatMap((mail) => mail.to).sort()).toEqual(expectedMails.map((mail) => mail.to).sort());
  // The server's "250" comes a moment before the outbox records it.
  const outbox = await eventually(async () => {
    const rows = await world.bot.runtime.database.prisma.mailOutbox.findMany();
    return rows.every((row) => row.status === 'sent') ? rows : undefined;
  }, 'every mail of the outbox recorded as sent');
  expect(outbox.map((row) => row.recipient).sort()).toEqual(expectedMails.map((mail) => mail.to).sort());
  for (const expected of expectedMails) {
    const received = studentMails.find((mail) => mail.to.includes(expected.to));
    const row = outbox.find((mail) => mail.recipient === expected.to);
    expect(row?.template).toBe(expected.template);
    expect(row?.language).toBe(expected.language);
    expect(received?.messageId).toBe(row?.messageId);
    const parsed = await received?.parsed();
    const text = parsed?.text ?? '';
    // Both templates state the right to special guidance (§ 31 stk. 1); the red one offers the meeting (stk. 2).
    const rights =
      expected.language === 'da' ? 'Din ret til særlig vejledning:' : 'Your right to special guidance:';
    const meeting =
      expected.language === 'da'
        ? 'Vi vil gerne invitere dig til en personlig samtale'
        : 'We would like to invite you to a personal meeting';
    expect(text).toContain(rights);
    if (expected.template === 'red') expect(text).toContain(meeting);
    else expect(text).not.toContain(meeting);
    expect(text).toContain(expected.language === 'da' ? 'Kære ' : 'Dear ');
    expect(parsed?.subject).toBe(row?.subject);
    expect(cprShaped.test(received?.raw.toString('utf8') ?? '')).toBe(false);
  }
}

/** Every file under the journal folder, by path relative to it. */
export async function journalFiles(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(folder.length + 1), await readFile(path, 'utf8'));
  }
  return files;
}

/**
 * Procedure step 6: a student case per sent mail and the collective case, the
 * CPR number only in the student cases' titles.
 */
export async function expectTheJournal(world: ChairWalkthrough): Promise<void> {
  const files = await eventually(async () => {
    const found = await journalFiles(world.journalFolder);
    return [...found.keys()].filter((path) => path.endsWith('case.json')).length === 5 ? found : undefined;
  }, 'the cases in the journal folder');
  const titles = [...files]
    .filter(([path]) => path.endsWith('case.json'))
    .map(([, text]) => (JSON.parse(text) as { title: string }).title)
    .sort();
  // One student case per mail sent (not the excluded one), titled by the CPR number; one collective case.
  expect(titles).toEqual(
    [
      ...cprNumbers.slice(0, 4).map((cpr) => `${cpr}, Frafaldstruet, Historie`),
      'Identifikation af frafaldstruede forår 2026 for Historie',
    ].sort(),
  );
  for (const [path, text] of files) {
    if (!cprShaped.test(text)) continue;
    expect(path).toMatch(/case\.json$/);
    const { title, ...rest } = JSON.parse(text) as { title: string };
    expect(holdsCpr(title)).toBe(true);
    expect(cprShaped.test(JSON.stringify(rest))).toBe(false);
  }
  // Each sent mail filed as the student got it: same Message-ID.
  const filedMails = [...files].filter(([path]) => path.endsWith('.eml')).map(([, text]) => text);
  expect(filedMails).toHaveLength(expectedMails.length);
  for (const received of world.smtp.received.filter((mail) => !mail.to.includes(chairEmail)))
    expect(filedMails.some((eml) => eml.includes(`Message-ID: ${received.messageId}`))).toBe(true);
  // The excluded student and the reason are documented in the collective case.
  const excludedList = [...files].find(([path]) => path.endsWith('frasorterede.csv'))?.[1] ?? '';
  expect(excludedList).toContain(students.excluded);
}

/** The chair's steps in the audit trail, in order, each by her. */
export async function expectTheAuditTrail(
  world: ChairWalkthrough,
  surface: string,
  /** Teams asks the core for the preview twice: for the command's Open card, and when the dialog opens. */
  previewOpenings = 1,
): Promise<void> {
  const steps = [
    'review.opened',
    'exclusion.added',
    ...Array.from({ length: previewOpenings }, () => 'dispatch.preview_opened'),
    'dispatch.test_mail',
    'dispatch.confirmed',
  ];
  const audit = await world.bot.runtime.database.prisma.auditEvent.findMany({
    where: { action: { in: [...new Set(steps)] } },
    orderBy: { id: 'asc' },
  });
  expect(audit.map((event) => [event.actor, event.action])).toEqual(steps.map((step) => [chairEmail, step]));
  expect(audit[0]?.details).toMatchObject({ surface });
  expect(cprShaped.test(JSON.stringify(audit.map((event) => event.details)))).toBe(false);
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
