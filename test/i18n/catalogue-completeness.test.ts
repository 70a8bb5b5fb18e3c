import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/i18n/catalogue/catalogue.js';
import { da } from '../../src/i18n/catalogue/da.js';
import { en } from '../../src/i18n/catalogue/en.js';
import { nb } from '../../src/i18n/catalogue/nb.js';
import { supportedLanguages } from '../../src/i18n/languages.js';
import { translator } from '../../src/i18n/translator.js';
import type { Inline, RichText } from '../../src/messages/message-model.js';
import type { IdentificationPeriod } from '../../src/procedures/at-risk/identification-period.js';
import { everyDeviationMessage } from '../procedures/deviations/texts/every-deviation-message.js';
import { dateOf } from '../support/progress-row-builder.js';

type Leaf = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'message function' };

/** Every leaf of a catalogue by its dotted path: a fixed text or a message function. */
function leaves(value: object, prefix = ''): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') found.set(path, { kind: 'text', text: child });
    else if (typeof child === 'function') found.set(path, { kind: 'message function' });
    else if (typeof child === 'object' && child !== null) {
      for (const [childPath, leaf] of leaves(child, path)) found.set(childPath, leaf);
    } else throw new Error(`${path} is neither a text, a message function nor a group`);
  }
  return found;
}

const kinds = (catalogue: Catalogue): Record<string, Leaf['kind']> =>
  Object.fromEntries([...leaves(catalogue)].map(([path, leaf]) => [path, leaf.kind]));

const spring2026: IdentificationPeriod = { term: 'spring', year: 2026 };
const autumn2025: IdentificationPeriod = { term: 'autumn', year: 2025 };
const counts = { green: 120, yellow: 30, red: 12, blue: 4 };
const chair: Inline = { kind: 'mention', person: { email: 'chair@uni.example', displayName: 'Chair' } };

/** Calls every message function with typical values, keyed by its path. */
function everyMessage(t: Catalogue): Record<string, string | RichText> {
  return {
    // The deviations procedure's texts, exercised part by part beside its tests.
    ...everyDeviationMessage(t),
    'period.name': t.period.name(spring2026),
    'reminder.heading': t.reminder.heading({ period: spring2026, boardName: 'SN-DAT' }),
    'reminder.intro': t.reminder.intro({ chair, secretary: 'Sekretær', period: spring2026 }),
    'reminder.countWithChange': t.reminder.countWithChange({ count: 12, change: 3, since: autumn2025 }),
    'reminder.newlyRed': t.reminder.newlyRed(3),
    'reminder.leftRed': t.reminder.leftRed(3),
    'reminder.forwardedOut': t.reminder.forwardedOut(3),
    'reminder.forwardedIn': t.reminder.forwardedIn(3),
    'reminder.uncontactedOverdue': t.reminder.uncontactedOverdue({ count: 3, months: 12 }),
    'reminder.noEmail': t.reminder.noEmail(3),
    'reminder.couldNotNotify': t.reminder.couldNotNotify(['Anne', 'Bo']),
    'reminder.exportMissing': t.reminder.exportMissing(spring2026),
    'reminderFailure.heading': t.reminderFailure.heading({ period: spring2026, boardName: 'SN-DAT' }),
    'reminderFailure.body': t.reminderFailure.body({
      places: ['x', 'y'],
      attempts: 6,
      remindCommand: '/trafiklys remind now',
    }),
    'reminderFailure.place': t.reminderFailure.place({
      surface: 'slack',
      recipient: null,
      problem: 'not_in_channel',
    }),
    'dispatch.heading': t.dispatch.heading({ period: spring2026, boardName: 'SN-DAT' }),
    'dispatch.sendButton': t.dispatch.sendButton(42),
    'dispatch.templateName': t.dispatch.templateName({ template: 'red', language: 'da' }),
    'dispatch.students': t.dispatch.students(12),
    'dispatch.withoutEmail': t.dispatch.withoutEmail({ count: 2, names: 'Ida Holm and Bo Berg' }),
    'dispatch.excludedLine': t.dispatch.excludedLine({
      name: 'Ida Holm',
      studentNumber: '2019123',
      reason: 'elite athlete',
      note: 'national team',
    }),
    'dispatch.mandatoryContactExcluded': t.dispatch.mandatoryContactExcluded({ count: 1, names: 'Ida Holm' }),
    'dispatch.sampleSubject': t.dispatch.sampleSubject('An offer of a meeting'),
    'dispatch.testButton': t.dispatch.testButton({ template: 'yellow', language: 'en' }),
    'dispatch.testSent': t.dispatch.testSent({ template: 'red', language: 'en', address: 'chair@x.example' }),
    'dispatch.testFailed': t.dispatch.testFailed('550 mailbox unavailable'),
    'dispatch.alreadyDispatched': t.dispatch.alreadyDispatched('8 April 2026'),
    'dispatch.progress': t.dispatch.progress({
      period: spring2026,
      boardName: 'SN-DAT',
      sent: 3,
      failed: 1,
      pending: 2,
    }),
    'dispatch.failedLine': t.dispatch.failedLine({ address: 's1@x.example', problem: '550 no such user' }),
    'dispatch.confirmedBy': t.dispatch.confirmedBy('Karen Blixen'),
    'review.title': t.review.title({ period: spring2026, boardName: 'SN-DAT' }),
    'exclusions.studentOption': t.exclusions.studentOption({ name: 'Ida Hansen', studentNumber: '20231234' }),
    'exclusions.excludedMark': t.exclusions.excludedMark({ category: 'Red', reason: 'Elite athlete' }),
    'exclusions.excluded': t.exclusions.excluded({ added: 2, reason: 'Elite athlete', alreadyExcluded: 1 }),
    'exclusions.mandatoryContactExcluded': t.exclusions.mandatoryContactExcluded({ count: 1, months: 12 }),
    'exclusions.undone': t.exclusions.undone(2),
    'exclusions.dispatched': t.exclusions.dispatched('6 April 2026'),
    'exclusions.unmatched': t.exclusions.unmatched({ count: 12, students: ['Ida (1)', 'Bo (2)'], more: 10 }),
    'exclusions.problem': t.exclusions.problem('note_required', 500),
    'review.routing.forwardedTo': t.review.routing.forwardedTo('SN-HUM'),
    'review.receivedNote': t.review.receivedNote(2),
    'review.routing.receivedFrom': t.review.routing.receivedFrom('SN-HUM'),
    'review.section31.specialGuidance': t.review.section31.specialGuidance(6),
    'review.section31.mandatoryContact': t.review.section31.mandatoryContact(12),
    'review.summary': t.review.summary({ red: 12, yellow: 30, blue: 1 }),
    'review.blueNote': t.review.blueNote(12),
    'review.filter.categoryOption': t.review.filter.categoryOption({ category: 'blue', count: 4 }),
    'review.searchResult': t.review.searchResult({ search: 'Hansen', total: 3 }),
    'review.pageStatus': t.review.pageStatus({ page: 2, pages: 16, total: 391 }),
    'progressImport.imported': t.progressImport.imported({
      fileName: 'f.csv',
      asOf: dateOf('2026-04-06'),
      students: 3,
      outOfScope: 1,
    }),
    'progressImport.replacedDraft': t.progressImport.replacedDraft(spring2026),
    'progressImport.alreadyImported': t.progressImport.alreadyImported({
      fileName: 'f.csv',
      period: spring2026,
    }),
    'progressImport.cycleLocked': t.progressImport.cycleLocked({
      period: spring2026,
      boardName: 'SN-DAT',
      fileName: 'f.csv',
    }),
    'progressImport.cprKeyMissing': t.progressImport.cprKeyMissing('f.csv'),
    'progressImport.boardImported': t.progressImport.boardImported({
      boardName: 'SN-DAT',
      students: 3,
      outcome: 'replaced',
      period: spring2026,
    }),
    'progressImport.boardsNotInFile': t.progressImport.boardsNotInFile(['SN-DAT', 'SN-HUM']),
    'progressImport.otherBoardsLeftOut': t.progressImport.otherBoardsLeftOut(3),
    'progressImport.noRowsForBoard': t.progressImport.noRowsForBoard({
      fileName: 'f.csv',
      boardName: 'SN-DAT',
    }),
    'progressImport.noneOfYourBoards': t.progressImport.noneOfYourBoards({
      fileName: 'f.csv',
      boardNames: ['SN-DAT', 'SN-HUM'],
    }),
    'progressImport.rejected': t.progressImport.rejected({ fileName: 'f.csv', problems: ['x'], more: 2 }),
    'progressImport.problem': t.progressImport.problem({
      line: 2,
      column: 'name',
      reason: { code: 'empty_cell' },
    }),
    'progressImport.rejectionReport': t.progressImport.rejectionReport({
      fileName: 'f.csv',
      problems: ['x'],
      more: 2,
    }),
    'copyToManager.intro': t.copyToManager.intro({ period: spring2026, boardName: 'SN-DAT' }),
    'commands.unknown': t.commands.unknown({ text: 'frobnicate', helpCommand: '/trafiklys help' }),
    'surfaces.slack.failed': t.surfaces.slack.failed('E1'),
    'surfaces.slack.fileTooLarge': t.surfaces.slack.fileTooLarge('f.csv', 50),
    'surfaces.slack.fileUnavailable': t.surfaces.slack.fileUnavailable('f.csv'),
    'surfaces.slack.formOutcomeLate': t.surfaces.slack.formOutcomeLate('Form'),
    'surfaces.slack.formRejected': t.surfaces.slack.formRejected('Form', ['x']),
    'surfaces.slack.formSaved': t.surfaces.slack.formSaved('Form'),
    'surfaces.teams.failed': t.surfaces.teams.failed('E1'),
    'surfaces.teams.fileUnavailable': t.surfaces.teams.fileUnavailable('f.csv'),
    'surfaces.teams.formIntro': t.surfaces.teams.formIntro('Form'),
    'surfaces.console.boardRole': t.surfaces.console.boardRole({ role: 'delegate', board: 'SN-DAT' }),
    'bot.fileNotTaken': t.bot.fileNotTaken({
      fileName: 'notes.pdf',
      kinds: 'a study-progress export (CSV or Excel)',
    }),
    'bot.remindResult': t.bot.remindResult({
      boardName: 'SN-DAT',
      period: spring2026,
      channel: { posted: ['slack'], updated: ['teams'], unchanged: ['console'], inProgress: [], failed: [] },
      copies: { posted: 1, updated: 1, unchanged: 1, inProgress: 1, failed: 1 },
      unreachable: ['hod@demo.example'],
    }),
    'errors.somethingWentWrong': t.errors.somethingWentWrong({ contact: chair, reference: 'E1' }),
    'errors.notAllowed': t.errors.notAllowed('remind_now'),
    'boardMeeting.heading': t.boardMeeting.heading({ period: spring2026, boardName: 'SN-DAT' }),
    'boardMeeting.intro': t.boardMeeting.intro({ period: spring2026, dispatchedOn: dateOf('2026-04-07') }),
    'boardMeeting.specialGuidance': t.boardMeeting.specialGuidance({ count: 3, months: 6 }),
    'boardMeeting.mandatoryContact': t.boardMeeting.mandatoryContact({ count: 3, months: 12 }),
    'boardMeeting.mandatoryContactExcluded': t.boardMeeting.mandatoryContactExcluded(1),
    'boardMeeting.column.change': t.boardMeeting.column.change(autumn2025),
    'boardMeeting.footer': t.boardMeeting.footer({ madeOn: dateOf('2026-04-08'), page: 1, pages: 2 }),
    'journal.heading': t.journal.heading({ period: spring2026, boardName: 'SN-DAT' }),
    'journal.filed': t.journal.filed({ studentCases: 3, collectiveCases: 1 }),
    'journal.alreadyFiled': t.journal.alreadyFiled(2),
    'journal.inProgress': t.journal.inProgress(2),
    'journal.failed': t.journal.failed(2),
    'journal.problem': t.journal.problem({ problem: 'refused', count: 2 }),
    'dispatchReminder.chairHeading': t.dispatchReminder.chairHeading({
      boardName: 'SN-DAT',
      period: spring2026,
    }),
    'dispatchReminder.chairBody': t.dispatchReminder.chairBody({
      boardName: 'SN-DAT',
      period: spring2026,
      days: 14,
      red: 12,
      yellow: 30,
      dispatchCommand: 'npx trafiklys dispatch --board SN-DAT',
    }),
    'dispatchReminder.headOfStudiesHeading': t.dispatchReminder.headOfStudiesHeading({
      boardName: 'SN-DAT',
      period: spring2026,
    }),
    'dispatchReminder.headOfStudiesBody': t.dispatchReminder.headOfStudiesBody({
      boardName: 'SN-DAT',
      period: spring2026,
      days: 21,
      red: 1,
      yellow: 1,
      chair: 'chair@uni.example',
    }),
    'charts.categoryTitle': t.charts.categoryTitle(spring2026),
    'charts.categoryAltText': t.charts.categoryAltText(counts),
    'charts.trendAltText': t.charts.trendAltText([{ label: 'x', counts }]),
  };
}

function plainText(message: string | RichText): string {
  if (typeof message === 'string') return message;
  return message
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      if (piece.kind === 'mention') return piece.person.displayName;
      return piece.text;
    })
    .join('');
}

const catalogues = { da: da.messages, en: en.messages, nb: nb.messages } satisfies Record<
  (typeof supportedLanguages)[number],
  Catalogue
>;

describe('the message catalogues', () => {
  it('Danish has exactly the keys of English, each the same kind of message', () => {
    expect(kinds(da.messages)).toEqual(kinds(en.messages));
  });

  it('Norwegian Bokmål has exactly the keys of English, each the same kind of message', () => {
    expect(kinds(nb.messages)).toEqual(kinds(en.messages));
  });

  it('every supported language has a catalogue, and its translator speaks it word for word', () => {
    for (const language of supportedLanguages) {
      expect(leaves(translator(language).t)).toEqual(leaves(catalogues[language]));
    }
  });

  it('a catalogue missing a message does not compile', () => {
    const { reviewButton: _left, ...withoutButton } = en.messages.reminder;
    // @ts-expect-error reminder.reviewButton is missing
    const incomplete: Catalogue = { ...en.messages, reminder: withoutButton };
    expect(incomplete.reminder).not.toHaveProperty('reviewButton');
  });

  describe.each(supportedLanguages)('%s', (language) => {
    const t = catalogues[language];

    it('has no empty text, and no text with stray spaces', () => {
      for (const [path, leaf] of leaves(t)) {
        if (leaf.kind === 'text') expect(leaf.text, path).toMatch(/^\S(.*\S)?$/s);
      }
    });

    it('every message function is exercised here', () => {
      const functions = [...leaves(t)]
        .filter(([, leaf]) => leaf.kind === 'message function')
        .map(([path]) => path);
      expect(Object.keys(everyMessage(t)).sort()).toEqual(functions.sort());
    });

    it('every message function gives a complete text, with no hole where a value should be', () => {
      for (const [path, message] of Object.entries(everyMessage(t))) {
        const text = plainText(message);
        expect(text.trim(), path).not.toBe('');
        expect(text, path).not.toMatch(/undefined|null|NaN|\[object|\$\{|\{\w+\}/);
        expect(text, path).not.toMatch(/ {2}| [.,:]/);
      }
    });
  });
});
