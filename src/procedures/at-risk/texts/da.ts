import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { SurfaceName } from '../../../surfaces/chat-surface.js';
import type { IdentificationPeriod, Term } from '../identification-period.js';
import { type TrafficLight, trafficLights } from '../traffic-light.js';
import type { AtRiskTexts } from './at-risk-texts.js';
import { danishBoardMeeting, danishJournal } from './da-board-meeting.js';
import { danishDispatch } from './da-dispatch.js';
import { danishDispatchReminder } from './da-dispatch-reminder.js';
import { danishExclusions } from './da-exclusions.js';
import { danishExportProblem } from './da-export-problems.js';
import { danishReview } from './da-review.js';

const term = { spring: 'forår', autumn: 'efterår' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;
/** After "siden" the term takes its definite form: "siden efteråret 2025". */
const definiteTerm: Readonly<Record<Term, string>> = { spring: 'foråret', autumn: 'efteråret' };
const sincePeriod = (period: IdentificationPeriod): string =>
  `siden ${definiteTerm[period.term]} ${period.year}`;

const surfaceName = { slack: 'Slack', teams: 'Teams', console: 'konsollen' } as const;

const categoryName: AtRiskTexts['category'] = {
  green: 'Grøn',
  yellow: 'Gul',
  red: 'Rød',
  blue: 'Blå',
  out_of_scope: 'Uden for målgruppen',
};

const lightWord: Readonly<Record<TrafficLight, string>> = {
  green: 'grøn',
  yellow: 'gul',
  red: 'rød',
  blue: 'blå',
};

// "studerende" is the same in singular and plural; the plural forms below are
// for the adjectives ("rød"/"røde", "forsinket"/"forsinkede") and the words around.

/** The at-risk procedure's texts in Danish. */
export function danishAtRiskTexts(format: LocaleFormat): AtRiskTexts {
  const { number, plural } = format;
  const countsInWords = (counts: Readonly<Record<TrafficLight, number>>): string =>
    format.list(trafficLights.map((light) => `${lightWord[light]} ${number(counts[light])}`));
  const monthsInWords = (months: number): string =>
    plural(months, { one: `${number(months)} måned`, other: `${number(months)} måneder` });

  return {
    category: categoryName,

    period: { term, name: periodName },

    reminder: {
      heading: ({ period, boardName }) =>
        `Identifikation af frafaldstruede studerende – ${periodName(period)} – ${boardName}`,
      intro: ({ chair, secretary, period }) => [
        chair,
        ' (formand) og ',
        secretary,
        ` (sekretær): Det er tid til at identificere frafaldstruede studerende for ${periodName(period)}.`,
      ],
      countsHeading: 'Studerende pr. kategori',
      countWithChange: ({ count, change, since }) =>
        `${number(count)} (${format.signedChange(change)} ${sincePeriod(since)})`,
      noPreviousCycle: 'Der er ingen tidligere identifikation at sammenligne med.',
      newlyRed: (count) =>
        plural(count, {
          one: `${number(count)} studerende er blevet rød siden sidste identifikation.`,
          other: `${number(count)} studerende er blevet røde siden sidste identifikation.`,
        }),
      leftRed: (count) =>
        plural(count, {
          one: `${number(count)} studerende er ikke længere rød.`,
          other: `${number(count)} studerende er ikke længere røde.`,
        }),
      forwardedOut: (count) =>
        plural(count, {
          one: `${number(count)} studerende med sidefag er sendt videre til sidefagets studienævn.`,
          other: `${number(count)} studerende med sidefag er sendt videre til sidefagenes studienævn.`,
        }),
      forwardedIn: (count) =>
        plural(count, {
          one: `${number(count)} sidefagsstuderende er sendt hertil fra et andet studienævn.`,
          other: `${number(count)} sidefagsstuderende er sendt hertil fra andre studienævn.`,
        }),
      uncontactedOverdue: ({ count, months }) =>
        plural(count, {
          one: `§ 31: ${number(count)} studerende er mere end ${monthsInWords(months)} forsinket og kontaktes ikke (blå).`,
          other: `§ 31: ${number(count)} studerende er mere end ${monthsInWords(months)} forsinkede og kontaktes ikke (blå).`,
        }),
      noEmail: (count) =>
        `${number(count)} studerende har ingen e-mailadresse i eksporten og kan ikke kontaktes pr. e-mail.`,
      couldNotNotify: (names) =>
        plural(names.length, {
          one: `Kunne ikke give besked til ${format.list(names)}: platformen kender ikke vedkommendes e-mailadresse.`,
          other: `Kunne ikke give besked til ${format.list(names)}: platformen kender ikke deres e-mailadresser.`,
        }),
      reviewRequest: 'Gennemgå de studerende og tag stilling til, hvem der skal kontaktes.',
      reviewButton: 'Gennemgå studerende',
      exportMissing: (period) =>
        `Der er endnu ingen eksport for ${periodName(period)}. Upload venligst eksporten af de studerendes studieprogression (CSV eller XLSX) her i kanalen.`,
    },

    reminderFailure: {
      heading: ({ boardName, period }) =>
        `Påmindelsen om eksamensperioden for ${boardName} (${periodName(period)}) kunne ikke sendes`,
      body: ({ places, attempts, remindCommand }) =>
        [
          places.length > 0
            ? `Trafiklys kunne ikke sende den til ${format.list(places)}.`
            : 'Trafiklys kunne ikke begynde at sende den: en intern fejl, som din administrator kan finde i loggen.',
          `Trafiklys har prøvet ${plural(attempts, { one: 'én gang', other: `${number(attempts)} gange` })} og er holdt op med at prøve.`,
          `Når årsagen er rettet (fx ved at invitere Trafiklys i kanalen igen), kan du sende den med ${remindCommand} i studienævnets kanal.`,
        ].join(' '),
      place: ({ surface, recipient, problem }) =>
        `${recipient === null ? 'studienævnets kanal' : `kopien til ${recipient}`} på ${surfaceName[surface]}${problem ? ` (${problem})` : ''}`,
    },

    review: danishReview(format, periodName),
    dispatch: danishDispatch(format, periodName),

    exclusions: danishExclusions(format),

    progressImport: {
      fileKind: 'en studieforløbsudtræk (CSV eller Excel)',
      imported: ({ fileName, asOf, students, outOfScope }) =>
        `Eksporten er indlæst: ${fileName}, opgjort pr. ${format.date(asOf)}, ${number(students)} studerende, heraf ${number(outOfScope)} uden for målgruppen.`,
      replacedDraft: (period) => `Den erstatter den tidligere eksport for ${periodName(period)}.`,
      alreadyImported: ({ fileName, period }) =>
        `${fileName} er allerede indlæst for ${periodName(period)}, så intet er ændret.`,
      cycleLocked: ({ period, boardName, fileName }) =>
        `Mailene for ${boardName}, ${periodName(period)}, er allerede sendt, så identifikationen kan ikke længere erstattes af en ny eksport. Intet fra ${fileName} er gemt: en fil indlæses helt eller slet ikke.`,
      cprKeyMissing: (fileName) => [
        `${fileName} indeholder CPR-numre, og de gemmes kun krypteret, men Trafiklys har ingen nøgle til det (TRAFIKLYS_CPR_KEY). Intet er gemt. Bed den, der driver Trafiklys, om at oprette en nøgle (`,
        { kind: 'styled', text: 'npx trafiklys key generate', code: true },
        '), og del så filen igen.',
      ],
      boardImported: ({ boardName, students, outcome, period }) => {
        const what = {
          created: `, indlæst for ${periodName(period)}.`,
          replaced: `; erstatter den tidligere eksport for ${periodName(period)}.`,
          unchanged: `; allerede indlæst fra denne fil for ${periodName(period)}, så intet er ændret.`,
        }[outcome];
        return `${boardName}: ${number(students)} studerende${what}`;
      },
      boardsNotInFile: (boardNames) =>
        plural(boardNames.length, {
          one: `Filen har ingen rækker for ${format.list(boardNames)}, så nævnets egne studerende er uændrede.`,
          other: `Filen har ingen rækker for ${format.list(boardNames)}, så nævnenes egne studerende er uændrede.`,
        }),
      otherBoardsLeftOut: (rows) =>
        plural(rows, {
          one: `${number(rows)} række fra et andet studienævn blev udeladt.`,
          other: `${number(rows)} rækker fra andre studienævn blev udeladt.`,
        }),
      noRowsForBoard: ({ fileName, boardName }) =>
        `${fileName} har ingen rækker for ${boardName}, så intet er gemt.`,
      noneOfYourBoards: ({ fileName, boardNames }) =>
        `Du indlæser eksporter for ${format.list(boardNames)}, og ${fileName} har ingen rækker for ${plural(
          boardNames.length,
          { one: 'det', other: 'nogen af dem' },
        )}, så intet er gemt.`,
      rejected: ({ fileName, problems, more }) =>
        [
          `Filen ${fileName} kunne ikke bruges, og intet fra den er gemt:`,
          ...problems,
          ...(more > 0 ? [`… og ${number(more)} mere`] : []),
          'Ret filen og upload den igen.',
        ].join('\n'),
      problem: danishExportProblem(format),
      rejectionReport: ({ fileName, problems, more }) =>
        [
          `Filen ${fileName} kan ikke bruges:`,
          ...problems,
          ...(more > 0 ? [`… og ${number(more)} mere`] : []),
        ].join('\n'),
    },

    copyToManager: {
      intro: ({ period, boardName }) =>
        `Kopi til orientering: identifikation af frafaldstruede studerende – ${periodName(period)} – ${boardName}.`,
    },

    commands: {
      description: {
        remindNow: 'Send periodens påmindelse om frafaldstruede studerende til studienævnet nu',
        status: 'Vis status for studienævnets identifikation i denne periode',
      },
    },

    bot: {
      notABoardChannel:
        'Eksporter indlæses i et studienævns egen kanal eller i en direkte besked til Trafiklys. Del filen dér.',
      remindResult: ({ boardName, period, channel, copies, unreachable }) => {
        const on = (surfaces: readonly SurfaceName[]) =>
          format.list(surfaces.map((surface) => surfaceName[surface]));
        const copiesOf = (count: number) =>
          plural(count, { one: '1 kopi', other: `${number(count)} kopier` });
        const parts = [
          channel.posted.length > 0 ? `slået op i studienævnets kanal på ${on(channel.posted)}` : null,
          channel.updated.length > 0 ? `opdateret i studienævnets kanal på ${on(channel.updated)}` : null,
          channel.unchanged.length > 0
            ? `findes allerede i studienævnets kanal på ${on(channel.unchanged)}`
            : null,
          channel.inProgress.length > 0
            ? `er ved at blive slået op i studienævnets kanal på ${on(channel.inProgress)} af en anden Trafiklys-instans`
            : null,
          channel.failed.length > 0
            ? `kunne ikke slås op i studienævnets kanal på ${on(channel.failed)} (Trafiklys prøver igen)`
            : null,
          copies.posted > 0
            ? `${plural(copies.posted, { one: 'en kopi', other: 'kopier' })} sendt til ${plural(copies.posted, { one: '1 leder', other: `${number(copies.posted)} ledere` })}`
            : null,
          copies.updated > 0 ? `${copiesOf(copies.updated)} til ledere opdateret` : null,
          copies.unchanged > 0 ? `${copiesOf(copies.unchanged)} til ledere var allerede sendt` : null,
          copies.inProgress > 0
            ? `${copiesOf(copies.inProgress)} er ved at blive sendt af en anden Trafiklys-instans`
            : null,
          copies.failed > 0 ? `${copiesOf(copies.failed)} kunne ikke sendes (Trafiklys prøver igen)` : null,
          unreachable.length > 0 ? `kunne ikke nå ${format.list(unreachable)}` : null,
        ].filter((part) => part !== null);
        return `${boardName}, ${periodName(period)}: ${parts.length > 0 ? parts.join('; ') : 'ingen kanal at sende til'}.`;
      },
      remindRetrying:
        'Påmindelsen kunne ikke sendes lige nu. Trafiklys prøver igen om et minut og de følgende timer, og giver studienævnets sekretær besked, hvis den aldrig kommer igennem.',
      noCycles: 'Der er endnu ikke indlæst nogen eksport for dette studienævn.',
      statusColumn: { period: 'Periode', status: 'Status' },
      cycleStatus: { draft: 'Kladde', dispatched: 'Udsendt', closed: 'Afsluttet' },
      unknownBoard: 'Studienævnet findes ikke længere i konfigurationen.',
    },

    errors: {
      notAllowed: (action) => {
        const refused = {
          remind_now: 'Du har ikke adgang til at sende påmindelsen.',
          review_students: 'Du har ikke adgang til at gennemgå dette studienævns studerende.',
          import_export: 'Du har ikke adgang til at indlæse eksporter for dette studienævn.',
        }[action];
        return `${refused} Kontakt studienævnets sekretær, hvis du mener, at du bør have adgang.`;
      },
    },

    boardMeeting: danishBoardMeeting(format),

    journal: danishJournal(format),
    dispatchReminder: danishDispatchReminder(format),

    charts: {
      categoryTitle: (period) => `Studerende pr. kategori – ${periodName(period)}`,
      trendTitle: 'Studerende pr. kategori over tid',
      studentsAxis: 'Antal studerende',
      periodAxis: 'Periode',
      categoryAltText: (counts) => `Søjlediagram over studerende pr. kategori: ${countsInWords(counts)}.`,
      trendAltText: (cycles) =>
        `Søjlediagram over studerende pr. kategori i ${plural(cycles.length, {
          one: `${number(cycles.length)} periode`,
          other: `${number(cycles.length)} perioder`,
        })}, én række pr. kategori. ${trafficLights
          .map(
            (light) =>
              `${categoryName[light]}: ${cycles.map((cycle) => `${cycle.label} ${number(cycle.counts[light])}`).join(', ')}`,
          )
          .join('; ')}.`,
    },
  };
}
