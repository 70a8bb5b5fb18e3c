import type { IdentificationPeriod, Term } from '../../procedures/at-risk/identification-period.js';
import { type TrafficLight, trafficLights } from '../../procedures/at-risk/traffic-light.js';
import type { SurfaceName } from '../../surfaces/chat-surface.js';
import { localeFormat } from '../locale-format.js';
import type { Catalogue, LanguagePack } from './catalogue.js';
import { danishBoardMeeting, danishJournal } from './da-board-meeting.js';
import { danishDispatch } from './da-dispatch.js';
import { danishDispatchReminder } from './da-dispatch-reminder.js';
import { danishExclusions } from './da-exclusions.js';
import { danishExportProblem } from './da-export-problems.js';
import { danishReview } from './da-review.js';

const format = localeFormat('da-DK');
const { number, plural } = format;

const term = { spring: 'forår', autumn: 'efterår' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;
/** After "siden" the term takes its definite form: "siden efteråret 2025". */
const definiteTerm: Readonly<Record<Term, string>> = { spring: 'foråret', autumn: 'efteråret' };
const sincePeriod = (period: IdentificationPeriod): string =>
  `siden ${definiteTerm[period.term]} ${period.year}`;

const surfaceName = { slack: 'Slack', teams: 'Teams', console: 'konsollen' } as const;

const categoryName: Catalogue['category'] = {
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
const countsInWords = (counts: Readonly<Record<TrafficLight, number>>): string =>
  format.list(trafficLights.map((light) => `${lightWord[light]} ${number(counts[light])}`));
const monthsInWords = (months: number): string =>
  plural(months, { one: `${number(months)} måned`, other: `${number(months)} måneder` });

// "studerende" is the same in singular and plural; the plural forms below are
// for the adjectives ("rød"/"røde", "forsinket"/"forsinkede") and the words around.
const messages: Catalogue = {
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
    helpHeading: 'Trafiklys – kommandoer',
    description: {
      remindNow: 'Send periodens påmindelse om frafaldstruede studerende til studienævnet nu',
      help: 'Vis denne hjælp',
      status: 'Vis status for studienævnets identifikation i denne periode',
    },
    unknown: ({ text, helpCommand }) =>
      `»${text}« er ikke en kommando. Skriv ${helpCommand} for at se kommandoerne.`,
  },

  bot: {
    fileNotTaken: ({ fileName, kinds }) =>
      `Jeg ved ikke, hvad jeg skal gøre med ${fileName}. Jeg tager imod ${kinds}.`,
    notABoardChannel:
      'Eksporter indlæses i et studienævns egen kanal eller i en direkte besked til Trafiklys. Del filen dér.',
    remindResult: ({ boardName, period, channel, copies, unreachable }) => {
      const on = (surfaces: readonly SurfaceName[]) =>
        format.list(surfaces.map((surface) => surfaceName[surface]));
      const copiesOf = (count: number) => plural(count, { one: '1 kopi', other: `${number(count)} kopier` });
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

  surfaces: {
    slack: {
      unreadableRequest:
        'Trafiklys kunne ikke læse den forespørgsel. Prøv igen fra en ny besked eller med `/trafiklys help`.',
      failed: (reference) =>
        `Noget gik galt i Trafiklys, og intet er ændret. Prøv igen om lidt; bliver det ved, så giv din administrator denne reference: ${reference}.`,
      formTooSlow: 'Trafiklys var for længe om at åbne formularen, og Slack gav op. Prøv venligst igen.',
      formNeedsClick:
        'Trafiklys skal bruge en formular til dette. Skriv `/trafiklys` eller klik på knappen i beskeden.',
      formExpired: 'Formularen er udløbet. Luk den og åbn den igen fra beskeden.',
      formOutcomeLate: (title) =>
        `Trafiklys skulle bruge længere tid på at tjekke “${title}”, så formularen blev lukket.`,
      formSaved: (title) => `Dine svar i “${title}” er gemt.`,
      formRejected: (title, problems) =>
        `Dine svar i “${title}” blev ikke gemt:\n${problems.map((problem) => `• ${problem}`).join('\n')}\nÅbn formularen igen for at rette dem.`,
      fileUnavailable: (name) => `Trafiklys kunne ikke hente “${name}” fra Slack. Del filen igen.`,
      fileTooLarge: (name, megabytes) => `“${name}” er for stor til Trafiklys (højst ${megabytes} MB).`,
      inviteBot:
        'Trafiklys er ikke medlem af denne kanal. Inviter den med `/invite @Trafiklys` og prøv igen.',
    },
    teams: {
      unreadableRequest:
        'Trafiklys kunne ikke læse den forespørgsel. Prøv igen fra en ny besked, f.eks. ved at skrive "@Trafiklys help".',
      failed: (reference) =>
        `Noget gik galt i Trafiklys, og intet er ændret. Prøv igen om lidt; bliver det ved, så giv din administrator denne reference: ${reference}.`,
      done: 'Udført.',
      openForm: 'Åbn',
      formIntro: (title) => `Klik på Åbn for at udfylde "${title}".`,
      formExpired: 'Formularen er udløbet. Luk den og åbn den igen fra beskeden.',
      formNotAvailable: 'Formularen findes ikke længere.',
      fileTooLarge: 'Filen er for stor til Trafiklys (højst 50 MB).',
      fileUnavailable: (name) => `Trafiklys kunne ikke hente "${name}". Del den igen i denne chat.`,
      privateReplyFailed:
        'Trafiklys kunne ikke sende dig svaret i en privat chat. Åbn en chat med Trafiklys og spørg der.',
    },
    console: {
      page: {
        title: 'Trafiklys-konsol',
        youAre: 'Du er',
        signedInAs: 'Logget ind som',
        signOut: 'Log ud',
        language: 'Sprog',
        conversations: 'Samtaler',
        boardChannels: 'Studienævnenes kanaler',
        directMessages: 'Direkte beskeder',
        command: 'Kommando',
        send: 'Send',
        uploadExport: 'Upload eksport',
        onlyVisibleToYou: 'Kun synlig for dig',
        noMessages: 'Der er ingen beskeder i denne samtale endnu.',
        couldNotReach: 'Kunne ikke få kontakt til Trafiklys:',
        notYours: 'Du har ikke adgang til denne samtale.',
        signInNeeded:
          'Åbn konsollen med det login-link, du har fået. Den, der driver Trafiklys, laver et nyt med:',
        signInCommand: 'npx trafiklys console link DIN-E-MAIL',
      },
      boardRole: ({ role, board }) =>
        `${{ chair: 'formand', secretary: 'sekretær', delegate: 'stedfortræder' }[role]} for ${board}`,
      managerRole: {
        head_of_department: 'institutleder',
        head_of_studies: 'studieleder',
        dean: 'dekan',
        student_services: 'Studieservice',
        quality_department: 'kvalitetsafdelingen',
      },
      signInRefused:
        'Dette login-link er ikke gyldigt: det er udløbet, ændret eller nævner en person, Trafiklys ikke længere kender.',
    },
  },

  errors: {
    somethingWentWrong: ({ contact, reference }) =>
      reference === null
        ? ['Noget gik galt – prøv igen, eller kontakt ', contact, '.']
        : [
            'Noget gik galt – prøv igen, eller kontakt ',
            contact,
            ' og oplys fejlreferencen ',
            { kind: 'styled', text: reference, code: true },
            '.',
          ],
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

export const da: LanguagePack = { format, messages };
