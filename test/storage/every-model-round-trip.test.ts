import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import type { Database } from '../../src/storage/database.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

// The client is generated from schema.prisma, the tables from the migrations:
// writing and reading every model with every field through the client proves
// the two agree in the running database, on each engine.
describe(`every model through the Prisma client (${testDatabaseEngine()})`, () => {
  it('institution structure: faculty, department, study board, programme, manager', async () => {
    const { prisma } = database;
    await prisma.faculty.create({ data: { code: 'TECH', name: 'Faculty of Engineering' } });
    await prisma.department.create({ data: { code: 'CS', name: 'Computer Science', facultyCode: 'TECH' } });
    await prisma.studyBoard.create({
      data: {
        code: 'SN-DAT',
        name: 'Study Board of Computer Science',
        facultyCode: 'TECH',
        departmentCode: 'CS',
        chairEmail: 'chair@demo.example',
        secretaryEmail: 'secretary@demo.example',
        delegateEmails: ['a@demo.example', 'b@demo.example'],
        slackChannel: 'C0123',
        teamsChannel: '19:abc@thread.tacv2',
        consoleChannel: 'sn-dat',
      },
    });
    await prisma.programme.create({
      data: { code: 'DAT-BSC', name: 'BSc Computer Science', boardCode: 'SN-DAT' },
    });
    await prisma.manager.create({
      data: {
        role: 'head_of_department',
        email: 'hod@demo.example',
        scopeKind: 'department',
        scopeCode: 'CS',
      },
    });

    const board = await prisma.studyBoard.findUniqueOrThrow({
      where: { code: 'SN-DAT' },
      include: { faculty: true, department: true, programmes: true },
    });
    expect(board).toMatchObject({
      delegateEmails: ['a@demo.example', 'b@demo.example'],
      inConfig: true,
      faculty: { name: 'Faculty of Engineering' },
      department: { code: 'CS' },
      programmes: [{ code: 'DAT-BSC' }],
    });
    expect(await prisma.manager.findFirstOrThrow()).toMatchObject({
      role: 'head_of_department',
      scopeCode: 'CS',
    });
  });

  it('identification cycle, student, student result and audit event', async () => {
    const { prisma } = database;
    const previous = await prisma.identificationCycle.create({
      data: {
        boardCode: 'SN-DAT',
        term: 'autumn',
        year: 2025,
        referenceDate: new Date('2025-10-06T00:00:00Z'),
        sourceFileName: 'autumn.csv',
        sourceFileHash: 'a'.repeat(64),
        ...counts(),
      },
    });
    const cycle = await prisma.identificationCycle.create({
      data: {
        boardCode: 'SN-DAT',
        term: 'spring',
        year: 2026,
        referenceDate: new Date('2026-04-06T00:00:00Z'),
        sourceFileName: 'spring.csv',
        sourceFileHash: 'b'.repeat(64),
        previousCycleId: previous.id,
        status: 'dispatched',
        mailsSentAt: new Date('2026-04-07T08:00:00Z'),
        ...counts(),
      },
    });
    const student = await prisma.student.create({
      data: {
        studentNumber: 'S000001',
        name: 'Ida Jensen',
        email: null,
        programmeCode: 'DAT-BSC',
        programmeName: 'BSc Computer Science',
        language: 'en',
        cprEncrypted: new Uint8Array([1, 2, 3]),
      },
    });
    await prisma.studentResult.create({
      data: {
        cycleId: cycle.id,
        studentId: student.id,
        routing: 'forwarded_out',
        homeBoardCode: 'SN-DAT',
        sideSubjectBoardCode: 'SN-MAT',
        category: 'red',
        enrolmentType: 'single_subject',
        enrolmentStatus: 'leave',
        enrolledOn: new Date('2023-09-01T00:00:00Z'),
        lastPassedOn: null,
        ectsExpected: new Prisma.Decimal('97.5'),
        ectsPassed: new Prisma.Decimal('60'),
        ectsBehind: new Prisma.Decimal('37.5'),
        delayMonths: new Prisma.Decimal('7.5'),
        specialGuidance: true,
        mandatoryContact: false,
        sourceLine: 2,
      },
    });
    await prisma.auditEvent.create({
      data: {
        actor: 'cli',
        action: 'identification.imported',
        boardCode: 'SN-DAT',
        cycleId: cycle.id,
        details: { red: 1 },
      },
    });

    const stored = await prisma.identificationCycle.findUniqueOrThrow({
      where: { id: cycle.id },
      include: { previousCycle: true, results: { include: { student: true } }, auditEvents: true },
    });
    expect(stored.previousCycle?.term).toBe('autumn');
    expect(stored.status).toBe('dispatched');
    const result = stored.results[0];
    expect(result?.ectsBehind.toString()).toBe('37.5');
    expect(result?.enrolmentType).toBe('single_subject');
    expect(result?.lastPassedOn).toBeNull();
    expect(result?.student.cprEncrypted).toEqual(new Uint8Array([1, 2, 3]));
    expect(stored.auditEvents[0]?.details).toEqual({ red: 1 });
    expect(typeof stored.auditEvents[0]?.id).toBe('bigint');
  });

  it('scheduled runs and the chat surfaces’ records: job run, reminder delivery, Teams conversation, replay key, console message, image', async () => {
    const { prisma } = database;
    const run = await prisma.jobRun.create({
      data: {
        jobName: 'exam-period-reminder',
        scheduledFor: new Date('2026-04-06T07:00:00Z'),
        instance: 'host:1',
      },
    });
    await prisma.jobRun.update({
      where: { id: run.id },
      data: { outcome: 'succeeded', summary: { boards: 7 } },
    });
    await prisma.reminderDelivery.create({
      data: {
        boardCode: 'SN-DAT',
        term: 'spring',
        year: 2026,
        surface: 'slack',
        recipient: 'channel',
        kind: 'summary',
        status: 'posted',
        conversationId: 'C0123',
        messageIds: ['1712390400.000100', '1712390401.000200'],
        contentHash: 'c'.repeat(64),
      },
    });
    await prisma.teamsConversation.create({
      data: {
        conversationId: '19:abc@thread.tacv2',
        serviceUrl: 'https://smba.example/',
        botId: '28:bot',
        kind: 'channel',
      },
    });
    await prisma.replayKey.create({
      data: { key: 'slack:Ev123', expiresAt: new Date('2026-04-06T08:00:00Z') },
    });
    await prisma.consoleMessage.create({
      data: { channel: 'sn-dat', author: 'Trafiklys', body: { fallbackText: 'hi', blocks: [] } },
    });
    await prisma.imageAsset.create({
      data: { id: 'd'.repeat(64), png: new Uint8Array([137, 80]), width: 800, height: 400 },
    });

    expect(await prisma.jobRun.findFirstOrThrow()).toMatchObject({
      outcome: 'succeeded',
      summary: { boards: 7 },
    });
    expect((await prisma.reminderDelivery.findFirstOrThrow()).messageIds).toEqual([
      '1712390400.000100',
      '1712390401.000200',
    ]);
    expect(await prisma.teamsConversation.findFirstOrThrow()).toMatchObject({
      kind: 'channel',
      userId: null,
    });
    expect(await prisma.replayKey.count()).toBe(1);
    expect((await prisma.consoleMessage.findFirstOrThrow()).body).toEqual({ fallbackText: 'hi', blocks: [] });
    expect((await prisma.imageAsset.findFirstOrThrow()).png).toEqual(new Uint8Array([137, 80]));
  });

  it('journal case, on the cycle stored above', async () => {
    const { prisma } = database;
    const cycle = await prisma.identificationCycle.findFirstOrThrow({
      where: { term: 'spring', year: 2026 },
    });
    const journalCase = {
      cycleId: cycle.id,
      caseKey: 'student-S000001',
      kind: 'student',
      status: 'failed',
      holder: 'host:1:abc',
      attempts: 2,
      createdAt: new Date('2026-04-08T09:00:00Z'),
      claimedAt: new Date('2026-04-08T09:00:01Z'),
      filedAt: null,
      problemCode: 'refused',
      problem: 'HTTP 400',
    };
    await prisma.journalCase.create({ data: journalCase });

    const stored = await prisma.identificationCycle.findUniqueOrThrow({
      where: { id: cycle.id },
      include: { journalCases: true },
    });
    expect(stored.journalCases).toEqual([journalCase]);
  });

  it('after-dispatch posts on the cycle stored above, and hosted files', async () => {
    const { prisma } = database;
    const cycle = await prisma.identificationCycle.findFirstOrThrow({
      where: { term: 'spring', year: 2026 },
    });
    const post = {
      cycleId: cycle.id,
      surface: 'slack',
      kind: 'board_meeting_pack',
      status: 'posted',
      holder: null,
      conversationId: 'C0123',
      messageIds: ['1712390400.000100'],
      problem: null,
      claimedAt: new Date('2026-04-08T09:00:00Z'),
      postedAt: new Date('2026-04-08T09:00:01Z'),
    };
    await prisma.afterDispatchPost.create({ data: post });
    await prisma.hostedFile.create({
      data: {
        id: 'f'.repeat(43),
        fileName: 'pack.pdf',
        mediaType: 'application/pdf',
        bytes: new Uint8Array([37, 80]),
      },
    });

    const stored = await prisma.identificationCycle.findUniqueOrThrow({
      where: { id: cycle.id },
      include: { afterDispatchPosts: true },
    });
    expect(stored.afterDispatchPosts).toEqual([post]);
    expect(await prisma.hostedFile.findFirstOrThrow()).toMatchObject({
      fileName: 'pack.pdf',
      mediaType: 'application/pdf',
      bytes: new Uint8Array([37, 80]),
    });
  });

  it('the mail outbox', async () => {
    const { prisma } = database;
    const cycle = await prisma.identificationCycle.findFirstOrThrow({ where: { year: 2026 } });
    const student = await prisma.student.findFirstOrThrow();
    await prisma.mailOutbox.create({
      data: {
        cycleId: cycle.id,
        studentId: student.id,
        template: 'red',
        recipient: 'student@demo.example',
        language: 'en',
        subject: 'An offer of a meeting',
        textBody: 'text',
        htmlBody: '<p>html</p>',
        messageId: '<0b7e…@demo.example>',
        status: 'sent',
        holder: null,
        attempts: 2,
        nextAttemptAt: new Date('2026-04-13T08:01:00Z'),
        problem: null,
        smtpResponse: '250 2.0.0 Ok',
        claimedAt: new Date('2026-04-13T08:01:00Z'),
        sentAt: new Date('2026-04-13T08:01:01Z'),
      },
    });

    expect(
      await prisma.mailOutbox.findFirstOrThrow({ include: { cycle: true, student: true } }),
    ).toMatchObject({
      template: 'red',
      language: 'en',
      status: 'sent',
      attempts: 2,
      sentAt: new Date('2026-04-13T08:01:01Z'),
      cycle: { year: 2026 },
      student: { studentNumber: student.studentNumber },
    });
  });
});

function counts() {
  return {
    greenCount: 1,
    yellowCount: 2,
    redCount: 3,
    blueCount: 4,
    outOfScopeCount: 5,
    forwardedOutCount: 6,
    forwardedInCount: 7,
    noEmailCount: 8,
    uncontactedOverdueCount: 9,
  };
}
