import { describe, expect, it } from 'vitest';
import { nb as norwegianPack } from '../../src/i18n/catalogue/nb.js';
import { translator } from '../../src/i18n/translator.js';
import type { Inline } from '../../src/messages/message-model.js';
import type { IdentificationPeriod } from '../../src/procedures/at-risk/identification-period.js';
import { dateOf } from '../support/progress-row-builder.js';

const nb = translator('nb').t;

const spring2026: IdentificationPeriod = { term: 'spring', year: 2026 };
const autumn2025: IdentificationPeriod = { term: 'autumn', year: 2025 };
const chair: Inline = {
  kind: 'mention',
  person: { email: 'leder@uni.example', displayName: 'Ingrid Leder' },
};
const secretary: Inline = {
  kind: 'mention',
  person: { email: 'su@uni.example', displayName: 'Sindre Sekretær' },
};

/** Every fixed text of a catalogue, by its dotted path. */
function fixedTexts(value: object, prefix = ''): [string, string][] {
  return Object.entries(value).flatMap(([key, child]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') return [[path, child]];
    if (typeof child === 'object' && child !== null) return fixedTexts(child, path);
    return [];
  });
}

/**
 * Danish words a Norwegian reader should not meet: the Danish university's
 * words (studienævn, studerende, uddannelse), the Danish spellings of shared
 * words (påmindelse, e-mail, længere) and the Danish seasons.
 */
const danishWords =
  /studienævn|studerende|uddannelse|frasorter|gennemgå|påmindelse|venligst|længere|e-mail|efterår|forår|\bmails?\b|\bhjælp\b|\bikke længere\b|\bsiden sidste\b/i;

describe('Norwegian Bokmål, in the words of a Norwegian university', () => {
  it('names the traffic lights, the seasons and the periods', () => {
    expect(nb.category).toEqual({
      green: 'Grønn',
      yellow: 'Gul',
      red: 'Rød',
      blue: 'Blå',
      out_of_scope: 'Utenfor målgruppen',
    });
    expect(nb.period.name(spring2026)).toBe('vår 2026');
    expect(nb.period.name(autumn2025)).toBe('høst 2025');
  });

  it('posts the reminder with the study board (studieutvalg) and addresses its leader and secretary', () => {
    expect(nb.reminder.heading({ period: spring2026, boardName: 'Studieutvalg for informatikk' })).toBe(
      'Studenter i risiko for frafall – vår 2026 – Studieutvalg for informatikk',
    );
    expect(nb.reminder.intro({ chair, secretary, period: spring2026 })).toEqual([
      chair,
      ' (leder) og ',
      secretary,
      ' (sekretær): Det er tid for å identifisere studenter i risiko for frafall i perioden vår 2026.',
    ]);
  });

  it('writes a change since the definite season, thousands grouped with a no-break space', () => {
    expect(nb.reminder.countWithChange({ count: 12, change: 3, since: autumn2025 })).toBe(
      '12 (+3 siden høsten 2025)',
    );
    expect(nb.reminder.countWithChange({ count: 1234, change: -2, since: spring2026 })).toBe(
      '1\u00a0234 (\u22122 siden våren 2026)',
    );
  });

  it('agrees noun and adjective with one or more students (student, studenter; rød, røde)', () => {
    expect(nb.reminder.newlyRed(1)).toBe('1 student har blitt rød siden forrige identifisering.');
    expect(nb.reminder.newlyRed(3)).toBe('3 studenter har blitt røde siden forrige identifisering.');
    expect(nb.reminder.newlyRed(0)).toBe('0 studenter har blitt røde siden forrige identifisering.');
    expect(nb.reminder.leftRed(1)).toBe('1 student er ikke lenger rød.');
    expect(nb.reminder.forwardedIn(2)).toBe('2 sidefagsstudenter er sendt hit fra andre studieutvalg.');
  });

  it('keeps the Danish rule by its Danish name and says what it means in Norwegian', () => {
    expect(nb.reminder.uncontactedOverdue({ count: 1, months: 12 })).toBe(
      '§ 31: 1 student er forsinket mer enn 12 måneder og kontaktes ikke (blå).',
    );
    expect(nb.review.section31.mandatoryContact(12)).toBe('Skal tilbys en samtale (over 12 mnd.)');
    expect(nb.dispatch.templateName({ template: 'red', language: 'da' })).toBe(
      'Rød e-post (§ 31 stk. 2), dansk',
    );
    expect(nb.exclusions.reason.leave_being_registered).toBe('Permisjon under registrering (§ 31 stk. 3)');
  });

  it('speaks of programmes, credits and modules as Norwegian universities do', () => {
    expect(nb.review.column.programme).toBe('Studieprogram');
    expect(nb.review.column.ectsBehind).toBe('Manglende studiepoeng');
    expect(nb.review.blueNote(12)).toContain('ikke bestått noe emne på 12 måneder');
    expect(nb.review.pageStatus({ page: 2, pages: 16, total: 1391 })).toBe(
      'Side 2 av 16 · 1\u00a0391 studenter',
    );
  });

  it('tells the chair what an exclusion did, in the singular and the plural', () => {
    expect(nb.exclusions.excluded({ added: 1, reason: 'Toppidrettsutøver', alreadyExcluded: 0 })).toBe(
      '1 student unntatt: toppidrettsutøver.',
    );
    expect(nb.exclusions.excluded({ added: 2, reason: 'Personlige forhold', alreadyExcluded: 2 })).toBe(
      '2 studenter unntatt: personlige forhold. 2 var allerede unntatt og beholder sine begrunnelser.',
    );
    expect(nb.exclusions.undone(1)).toBe(
      '1 unntak angret: studenten er på listen igjen og får e-posten sin.',
    );
  });

  it('writes dates the Norwegian way in what it reports', () => {
    expect(
      nb.progressImport.imported({
        fileName: 'v2026.csv',
        asOf: dateOf('2026-05-17'),
        students: 3,
        outOfScope: 1,
      }),
    ).toBe('Eksporten er importert: v2026.csv, per 17. mai 2026, 3 studenter, av dem 1 utenfor målgruppen.');
    expect(nb.boardMeeting.footer({ madeOn: dateOf('2026-04-08'), page: 1, pages: 2 })).toBe(
      'Utarbeidet av Trafiklys 8. april 2026 – side 1 av 2',
    );
  });

  it('quotes values «…» the Norwegian way', () => {
    expect(nb.commands.unknown({ text: 'dans', helpCommand: '/trafiklys help' })).toBe(
      '«dans» er ikke en kommando. Skriv /trafiklys help for å se kommandoene.',
    );
    expect(nb.review.searchResult({ search: 'Hansen', total: 1 })).toBe('1 student samsvarer med «Hansen».');
  });

  it('has no Danish word left in a fixed text', () => {
    for (const [path, text] of fixedTexts(norwegianPack.messages)) {
      expect(text, path).not.toMatch(danishWords);
    }
  });

  it('has no Danish word left in the messages a chair and a secretary meet most', () => {
    const messages = [
      nb.reminder.exportMissing(spring2026),
      nb.reminder.noEmail(2),
      nb.reminderFailure.body({ places: ['Slack'], attempts: 6, remindCommand: '/trafiklys påminn nå' }),
      nb.review.summary({ red: 12, yellow: 30, blue: 4 }),
      nb.review.receivedNote(2),
      nb.dispatch.mandatoryContactExcluded({ count: 2, names: 'Ida Holm og Bo Berg' }),
      nb.dispatch.progress({ period: spring2026, boardName: 'SU-INF', sent: 3, failed: 1, pending: 2 }),
      nb.dispatchReminder.chairBody({
        boardName: 'SU-INF',
        period: spring2026,
        days: 14,
        red: 12,
        yellow: 30,
        dispatchCommand: 'npx trafiklys dispatch --board SU-INF',
      }),
      nb.bot.remindResult({
        boardName: 'SU-INF',
        period: spring2026,
        channel: {
          posted: ['slack'],
          updated: [],
          unchanged: ['console'],
          inProgress: [],
          failed: ['teams'],
        },
        copies: { posted: 2, updated: 0, unchanged: 1, inProgress: 0, failed: 1 },
        unreachable: [],
      }),
      nb.errors.notAllowed('review_students'),
      nb.journal.filed({ studentCases: 3, collectiveCases: 1 }),
    ];
    for (const message of messages) expect(message).not.toMatch(danishWords);
  });
});
