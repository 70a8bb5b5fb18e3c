import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { SurfaceName } from '../../../surfaces/chat-surface.js';
import type { IdentificationPeriod, Term } from '../identification-period.js';
import { type TrafficLight, trafficLights } from '../traffic-light.js';
import type { AtRiskTexts } from './at-risk-texts.js';
import { norwegianBoardMeeting, norwegianJournal } from './nb-board-meeting.js';
import { norwegianDispatch } from './nb-dispatch.js';
import { norwegianDispatchReminder } from './nb-dispatch-reminder.js';
import { norwegianExclusions } from './nb-exclusions.js';
import { norwegianExportProblem } from './nb-export-problems.js';
import { norwegianReview } from './nb-review.js';

const term = { spring: 'vår', autumn: 'høst' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;
/** After "siden" the term takes its definite form: "siden høsten 2025". */
const definiteTerm: Readonly<Record<Term, string>> = { spring: 'våren', autumn: 'høsten' };
const sincePeriod = (period: IdentificationPeriod): string =>
  `siden ${definiteTerm[period.term]} ${period.year}`;

const surfaceName = { slack: 'Slack', teams: 'Teams', console: 'konsollen' } as const;

const categoryName: AtRiskTexts['category'] = {
  green: 'Grønn',
  yellow: 'Gul',
  red: 'Rød',
  blue: 'Blå',
  out_of_scope: 'Utenfor målgruppen',
};

const lightWord: Readonly<Record<TrafficLight, string>> = {
  green: 'grønn',
  yellow: 'gul',
  red: 'rød',
  blue: 'blå',
};

/**
 * The at-risk procedure's texts in Norwegian Bokmål, in the words of a
 * Norwegian university: a study board is a studieutvalg, a programme a
 * studieprogram, a module an emne. The Danish rules keep their Danish names
 * (§ 31 stk. 2), as in the English texts; what they mean is said in Norwegian.
 */
export function norwegianAtRiskTexts(format: LocaleFormat): AtRiskTexts {
  const { number, plural } = format;
  const students = (count: number) =>
    plural(count, { one: `${number(count)} student`, other: `${number(count)} studenter` });
  const countsInWords = (counts: Readonly<Record<TrafficLight, number>>): string =>
    format.list(trafficLights.map((light) => `${lightWord[light]} ${number(counts[light])}`));
  const monthsInWords = (months: number): string =>
    plural(months, { one: `${number(months)} måned`, other: `${number(months)} måneder` });

  return {
    category: categoryName,

    period: { term, name: periodName },

    reminder: {
      heading: ({ period, boardName }) =>
        `Studenter i risiko for frafall – ${periodName(period)} – ${boardName}`,
      intro: ({ chair, secretary, period }) => [
        chair,
        ' (leder) og ',
        secretary,
        ` (sekretær): Det er tid for å identifisere studenter i risiko for frafall i perioden ${periodName(period)}.`,
      ],
      countsHeading: 'Studenter per kategori',
      countWithChange: ({ count, change, since }) =>
        `${number(count)} (${format.signedChange(change)} ${sincePeriod(since)})`,
      noPreviousCycle: 'Det finnes ingen tidligere identifisering å sammenligne med.',
      newlyRed: (count) =>
        plural(count, {
          one: `${number(count)} student har blitt rød siden forrige identifisering.`,
          other: `${number(count)} studenter har blitt røde siden forrige identifisering.`,
        }),
      leftRed: (count) =>
        plural(count, {
          one: `${number(count)} student er ikke lenger rød.`,
          other: `${number(count)} studenter er ikke lenger røde.`,
        }),
      forwardedOut: (count) =>
        plural(count, {
          one: `${number(count)} student med sidefag er sendt videre til sidefagets studieutvalg.`,
          other: `${number(count)} studenter med sidefag er sendt videre til sidefagenes studieutvalg.`,
        }),
      forwardedIn: (count) =>
        plural(count, {
          one: `${number(count)} sidefagsstudent er sendt hit fra et annet studieutvalg.`,
          other: `${number(count)} sidefagsstudenter er sendt hit fra andre studieutvalg.`,
        }),
      uncontactedOverdue: ({ count, months }) =>
        `§ 31: ${students(count)} er forsinket mer enn ${monthsInWords(months)} og kontaktes ikke (blå).`,
      noEmail: (count) =>
        plural(count, {
          one: `${number(count)} student har ingen e-postadresse i eksporten og kan ikke kontaktes på e-post.`,
          other: `${number(count)} studenter har ingen e-postadresse i eksporten og kan ikke kontaktes på e-post.`,
        }),
      couldNotNotify: (names) =>
        plural(names.length, {
          one: `Kunne ikke varsle ${format.list(names)}: plattformen kjenner ikke e-postadressen til vedkommende.`,
          other: `Kunne ikke varsle ${format.list(names)}: plattformen kjenner ikke e-postadressene deres.`,
        }),
      reviewRequest: 'Gå gjennom studentene og ta stilling til hvem som skal kontaktes.',
      reviewButton: 'Gå gjennom studenter',
      exportMissing: (period) =>
        `Det finnes ennå ingen eksport for ${periodName(period)}. Last opp eksporten av studentenes studieprogresjon (CSV eller XLSX) her i kanalen.`,
    },

    reminderFailure: {
      heading: ({ boardName, period }) =>
        `Påminnelsen om eksamensperioden for ${boardName} (${periodName(period)}) kunne ikke sendes`,
      body: ({ places, attempts, remindCommand }) =>
        [
          places.length > 0
            ? `Trafiklys kunne ikke sende den til ${format.list(places)}.`
            : 'Trafiklys kunne ikke begynne å sende den: en intern feil som administratoren din finner i loggen.',
          `Trafiklys har prøvd ${plural(attempts, { one: 'én gang', other: `${number(attempts)} ganger` })} og har sluttet å prøve.`,
          `Når årsaken er rettet (f.eks. ved å invitere Trafiklys til kanalen igjen), kan du sende den med ${remindCommand} i studieutvalgets kanal.`,
        ].join(' '),
      place: ({ surface, recipient, problem }) =>
        `${recipient === null ? 'studieutvalgets kanal' : `kopien til ${recipient}`} på ${surfaceName[surface]}${problem ? ` (${problem})` : ''}`,
    },

    review: norwegianReview(format, periodName),
    dispatch: norwegianDispatch(format, periodName),

    exclusions: norwegianExclusions(format),

    progressImport: {
      fileKind: 'en eksport av studieprogresjon (CSV eller Excel)',
      imported: ({ fileName, asOf, students: count, outOfScope }) =>
        `Eksporten er importert: ${fileName}, per ${format.date(asOf)}, ${students(count)}, av dem ${number(outOfScope)} utenfor målgruppen.`,
      replacedDraft: (period) => `Den erstatter den forrige eksporten for ${periodName(period)}.`,
      alreadyImported: ({ fileName, period }) =>
        `${fileName} er allerede importert for ${periodName(period)}, så ingenting er endret.`,
      cycleLocked: ({ period, boardName, fileName }) =>
        `E-postene for ${boardName}, ${periodName(period)}, er allerede sendt, så identifiseringen kan ikke lenger erstattes av en ny eksport. Ingenting fra ${fileName} er lagret: en fil importeres helt eller ikke i det hele tatt.`,
      cprKeyMissing: (fileName) => [
        `${fileName} inneholder CPR-numre, og de lagres bare kryptert, men Trafiklys har ingen nøkkel til det (TRAFIKLYS_CPR_KEY). Ingenting er lagret. Be den som drifter Trafiklys, om å opprette en nøkkel (`,
        { kind: 'styled', text: 'npx trafiklys key generate', code: true },
        '), og del så filen på nytt.',
      ],
      boardImported: ({ boardName, students: count, outcome, period }) => {
        const what = {
          created: `, importert for ${periodName(period)}.`,
          replaced: `; erstatter den forrige eksporten for ${periodName(period)}.`,
          unchanged: `; allerede importert fra denne filen for ${periodName(period)}, så ingenting er endret.`,
        }[outcome];
        return `${boardName}: ${students(count)}${what}`;
      },
      boardsNotInFile: (boardNames) =>
        plural(boardNames.length, {
          one: `Filen har ingen rader for ${format.list(boardNames)}, så utvalgets egne studenter er uendret.`,
          other: `Filen har ingen rader for ${format.list(boardNames)}, så utvalgenes egne studenter er uendret.`,
        }),
      otherBoardsLeftOut: (rows) =>
        plural(rows, {
          one: `${number(rows)} rad fra et annet studieutvalg ble utelatt.`,
          other: `${number(rows)} rader fra andre studieutvalg ble utelatt.`,
        }),
      noRowsForBoard: ({ fileName, boardName }) =>
        `${fileName} har ingen rader for ${boardName}, så ingenting er lagret.`,
      noneOfYourBoards: ({ fileName, boardNames }) =>
        `Du importerer eksporter for ${format.list(boardNames)}, og ${fileName} har ingen rader for ${plural(
          boardNames.length,
          { one: 'det', other: 'noen av dem' },
        )}, så ingenting er lagret.`,
      rejected: ({ fileName, problems, more }) =>
        [
          `Filen ${fileName} kunne ikke brukes, og ingenting fra den er lagret:`,
          ...problems,
          ...(more > 0 ? [`… og ${number(more)} til`] : []),
          'Rett filen og last den opp på nytt.',
        ].join('\n'),
      problem: norwegianExportProblem(format),
      rejectionReport: ({ fileName, problems, more }) =>
        [
          `Filen ${fileName} kan ikke brukes:`,
          ...problems,
          ...(more > 0 ? [`… og ${number(more)} til`] : []),
        ].join('\n'),
    },

    copyToManager: {
      intro: ({ period, boardName }) =>
        `Kopi til orientering: studenter i risiko for frafall – ${periodName(period)} – ${boardName}.`,
    },

    commands: {
      description: {
        remindNow: 'Send periodens påminnelse om studenter i risiko for frafall til studieutvalget nå',
        status: 'Vis status for studieutvalgets identifisering i denne perioden',
      },
    },

    bot: {
      notABoardChannel:
        'Eksporter importeres i et studieutvalgs egen kanal eller i en direktemelding til Trafiklys. Del filen der.',
      remindResult: ({ boardName, period, channel, copies, unreachable }) => {
        const on = (surfaces: readonly SurfaceName[]) =>
          format.list(surfaces.map((surface) => surfaceName[surface]));
        const copiesOf = (count: number) =>
          plural(count, { one: '1 kopi', other: `${number(count)} kopier` });
        const parts = [
          channel.posted.length > 0 ? `publisert i studieutvalgets kanal på ${on(channel.posted)}` : null,
          channel.updated.length > 0 ? `oppdatert i studieutvalgets kanal på ${on(channel.updated)}` : null,
          channel.unchanged.length > 0
            ? `finnes allerede i studieutvalgets kanal på ${on(channel.unchanged)}`
            : null,
          channel.inProgress.length > 0
            ? `blir publisert i studieutvalgets kanal på ${on(channel.inProgress)} av en annen Trafiklys-instans`
            : null,
          channel.failed.length > 0
            ? `kunne ikke publiseres i studieutvalgets kanal på ${on(channel.failed)} (Trafiklys prøver igjen)`
            : null,
          copies.posted > 0
            ? `${plural(copies.posted, { one: 'en kopi', other: 'kopier' })} sendt til ${plural(copies.posted, { one: '1 leder', other: `${number(copies.posted)} ledere` })}`
            : null,
          copies.updated > 0 ? `${copiesOf(copies.updated)} til ledere oppdatert` : null,
          copies.unchanged > 0 ? `${copiesOf(copies.unchanged)} til ledere var allerede sendt` : null,
          copies.inProgress > 0
            ? `${copiesOf(copies.inProgress)} blir sendt av en annen Trafiklys-instans`
            : null,
          copies.failed > 0 ? `${copiesOf(copies.failed)} kunne ikke sendes (Trafiklys prøver igjen)` : null,
          unreachable.length > 0 ? `nådde ikke ${format.list(unreachable)}` : null,
        ].filter((part) => part !== null);
        return `${boardName}, ${periodName(period)}: ${parts.length > 0 ? parts.join('; ') : 'ingen kanal å sende til'}.`;
      },
      remindRetrying:
        'Påminnelsen kunne ikke sendes akkurat nå. Trafiklys prøver igjen om et minutt og de neste timene, og gir studieutvalgets sekretær beskjed hvis den aldri kommer fram.',
      noCycles: 'Det er ennå ikke importert noen eksport for dette studieutvalget.',
      statusColumn: { period: 'Periode', status: 'Status' },
      cycleStatus: { draft: 'Utkast', dispatched: 'Sendt ut', closed: 'Avsluttet' },
      unknownBoard: 'Studieutvalget finnes ikke lenger i konfigurasjonen.',
    },

    errors: {
      notAllowed: (action) => {
        const refused = {
          remind_now: 'Du har ikke tilgang til å sende påminnelsen.',
          review_students: 'Du har ikke tilgang til å gå gjennom dette studieutvalgets studenter.',
          import_export: 'Du har ikke tilgang til å importere eksporter for dette studieutvalget.',
        }[action];
        return `${refused} Kontakt studieutvalgets sekretær hvis du mener at du bør ha tilgang.`;
      },
    },

    boardMeeting: norwegianBoardMeeting(format),

    journal: norwegianJournal(format),
    dispatchReminder: norwegianDispatchReminder(format),

    charts: {
      categoryTitle: (period) => `Studenter per kategori – ${periodName(period)}`,
      trendTitle: 'Studenter per kategori over tid',
      studentsAxis: 'Antall studenter',
      periodAxis: 'Periode',
      categoryAltText: (counts) => `Søylediagram over studenter per kategori: ${countsInWords(counts)}.`,
      trendAltText: (cycles) =>
        `Søylediagram over studenter per kategori i ${plural(cycles.length, {
          one: `${number(cycles.length)} periode`,
          other: `${number(cycles.length)} perioder`,
        })}, én rad per kategori. ${trafficLights
          .map(
            (light) =>
              `${categoryName[light]}: ${cycles.map((cycle) => `${cycle.label} ${number(cycle.counts[light])}`).join(', ')}`,
          )
          .join('; ')}.`,
    },
  };
}
