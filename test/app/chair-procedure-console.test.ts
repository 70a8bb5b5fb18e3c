import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChairWalkthrough,
  chairEmail,
  consoleChannel,
  cprShaped,
  eventually,
  expectTheAuditTrail,
  expectTheJournal,
  expectTheStudentMails,
  expectTheTestMail,
  pdfText,
  reviewValue,
  startChairWalkthrough,
  students,
} from '../support/chair-walkthrough.js';
import { consoleClient } from '../support/console-client.js';
import { testDatabaseEngine } from '../support/test-database.js';

// The chair's whole procedure on the console, end to end (issue 8): review →
// exclude with a reason → preview → test mail → dispatch → journal and the
// board-meeting pack, against the whole bot, a real SMTP server and a folder journal.
let world: ChairWalkthrough;
beforeAll(async () => {
  world = await startChairWalkthrough();
});
afterAll(async () => {
  await world?.dispose();
});

describe(`the chair's procedure on the console, end to end (${testDatabaseEngine()})`, () => {
  it('review, exclude with a reason, preview, test mail, send: the students get their mails, the channel the progress, the journal note and the pack, the journal its cases', async () => {
    const asChair = consoleClient(world.bot.url, { as: chairEmail });
    const inChannel = () => asChair.messagesIn(consoleChannel);

    // 1–2. The reminder's "Review students" opens the review list in the panel.
    const [reminder] = await inChannel();
    expect(reminder?.html).toContain('data-action-id="at-risk.review"');
    expect(reminder?.html).toContain(`data-value="${reviewValue}"`);
    const review = await asChair.post('/console/api/action', {
      channel: consoleChannel,
      actionId: 'at-risk.review',
      value: reviewValue,
    });
    expect(review.json.kind).toBe('form');
    expect(String(review.json.html)).toContain('Xenia Udeladt');

    // 3. Exclude, with a reason.
    const excluded = await asChair.post('/console/api/form-action', {
      formToken: review.json.formToken,
      actionId: 'at-risk.review-list.exclude',
      value: null,
      values: {
        'exclude-students': [students.excluded],
        'exclude-reason': 'agreed_study_plan',
        'exclude-note': '',
        search: '',
      },
    });
    expect(String(excluded.json.html)).toContain('1 student excluded: agreed study plan.');

    // 4. The dispatch command opens the preview, which names the § 31 stk. 2 exclusion to confirm.
    const preview = await asChair.post('/console/api/command', {
      channel: consoleChannel,
      text: '/trafiklys dispatch',
    });
    expect(preview.json.kind).toBe('form');
    const previewHtml = String(preview.json.html);
    expect(previewHtml).toContain('Red mail (§ 31 stk. 2), Danish');
    expect(previewHtml).toContain('Yellow mail (§ 31 stk. 1), English');
    expect(previewHtml).toContain('Xenia Udeladt (X1): agreed study plan');
    expect(previewHtml).toContain('1 excluded student is more than 12 months delayed: Xenia Udeladt.');
    expect(previewHtml).toContain('name="confirmOverdue"');
    expect(previewHtml).toContain('Send 4 mails');
    expect(previewHtml).not.toContain('Anders Arkæolog');

    // A test mail to herself.
    const tested = await asChair.post('/console/api/form-action', {
      formToken: preview.json.formToken,
      actionId: 'at-risk.dispatch.test',
      value: 'red/da',
      values: {},
    });
    expect(String(tested.json.html)).toContain(`Test sent to ${chairEmail}: Red mail (§ 31 stk. 2), Danish.`);
    await expectTheTestMail(world);

    // 5. Send, confirming the exclusion § 31 stk. 2 would otherwise forbid.
    const sent = await asChair.post('/console/api/form', {
      formToken: preview.json.formToken,
      values: { confirmOverdue: true },
    });
    expect(sent.json).toEqual({ kind: 'close' });
    await expectTheStudentMails(world);

    // The board's channel: the progress, then (after-dispatch job) the journal's note and the pack.
    const messages = await eventually(async () => {
      const found = await inChannel();
      return found.some((message) => message.html.includes('For the board meeting')) ? found : undefined;
    }, 'the journal note and the board-meeting pack in the channel');
    const texts = messages.map((message) => message.html);
    const theOne = (start: string): string => {
      const found = texts.filter((text) => text.includes(start));
      expect(found, start).toHaveLength(1);
      return found[0] ?? '';
    };
    const progress = theOne('Mails for History, spring 2026');
    const journalised = theOne('Journalised');
    const pack = theOne('For the board meeting');
    expect(progress).toContain('Mails for History, spring 2026: 4 sent, 0 failed, 0 waiting.');
    expect(journalised).toContain('Journalised: identification of students at risk – spring 2026 – History');
    expect(journalised).toContain('5 cases journalised: 4 student cases and 1 collective case.');
    expect(pack).toContain('For the board meeting: students at risk – spring 2026');
    const pdfLink = /href="([^"]+\.pdf)"/.exec(pack)?.[1];
    expect(pdfLink).toMatch(/\/files\/[A-Za-z0-9_-]{43}\/board-meeting-SN-HIS-2026-spring-en\.pdf$/);
    const pdf = await fetch(new URL(pdfLink ?? '', world.bot.url));
    expect(pdf.status).toBe(200);
    const packPdf = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(packPdf).toContain('For the board meeting: students at risk – spring 2026');
    expect(cprShaped.test(packPdf)).toBe(false);
    expect(cprShaped.test(JSON.stringify(texts))).toBe(false);

    // 6. The journal.
    await expectTheJournal(world);
    await expectTheAuditTrail(world, 'console');
  });
});
