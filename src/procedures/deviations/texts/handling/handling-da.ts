import type { LocaleFormat } from '../../../../i18n/locale-format.js';
import type { HandlingTexts } from '../handling-texts.js';

/** The handling part in Danish; values are quoted »…« as elsewhere in the Danish catalogue. */
export function handlingTextsDa(format: LocaleFormat): HandlingTexts {
  const { number } = format;
  return {
    caseCommandDescription: 'Vis en afvigelsessag med historik, for eksempel »sag 2026-0042«',
    caseNumberMissing: ({ example }) => `Skriv sagsnummeret efter kommandoen, for eksempel »${example}«.`,
    view: {
      title: 'Afvigelsessag',
      doneLabel: 'Færdig',
      closeLabel: 'Luk',
      tabCase: 'Sagen',
      tabExchanges: (count) => `Spørgsmål og høring (${number(count)})`,
      tabHistory: (count) => `Historik (${number(count)})`,
      pageStatus: ({ page, pages }) => `Side ${number(page)} af ${number(pages)}`,
      previous: 'Forrige',
      next: 'Næste',
      sensitiveMark: 'Markeret: sagen indeholder følsomme personoplysninger.',
      preliminaryReplySent: 'Foreløbigt svar sendt',
      closedAt: 'Lukket',
      causes: 'Årsager',
      measures: 'Tiltag',
      outcome: 'Udfald',
      reason: 'Begrundelse',
      notRecorded: 'Ikke registreret endnu.',
      viewOnly: ({ handler }) =>
        `${handler} behandler sagen. Du kan se den, men kun sagsbehandleren kan behandle den.`,
      noExchanges: 'Ingen spørgsmål til indberetteren og ingen høringer endnu.',
      question: ({ askedBy, reporter, at }) => `Spørgsmål fra ${askedBy} til ${reporter}, ${at}`,
      commentRequest: ({ askedBy, colleague, at, due }) =>
        `Høring fra ${askedBy} til ${colleague}, ${at}, svarfrist ${due}`,
      answer: ({ at }) => `Svar, ${at}`,
      notAnswered: 'Ikke besvaret endnu.',
      preliminaryReply: ({ handler, reporter, at }) =>
        `Foreløbigt svar fra ${handler} til ${reporter}, ${at}`,
    },
    actions: {
      ask: 'Spørg indberetteren',
      comments: 'Send i høring',
      preliminaryReply: 'Send foreløbigt svar',
      causes: 'Årsager og tiltag',
      close: 'Luk sagen',
      openCase: 'Åbn sagen',
      answer: 'Svar',
      comment: 'Kommentér',
      send: 'Send',
      cancel: 'Annuller',
    },
    history: {
      filed: 'indberettede afvigelsen',
      forwarded: ({ from, to }) =>
        `sendte sagen videre${from === null ? '' : ` fra ${from}`}${to === null ? '' : ` til ${to}`}`,
      accepted: 'godkendte indberetningen som en afvigelse',
      assigned: ({ handler }) =>
        handler === null ? 'tildelte sagen en sagsbehandler' : `tildelte sagen til ${handler}`,
      asked: 'stillede indberetteren et spørgsmål',
      answered: 'svarede på spørgsmålet',
      sentForComments: ({ colleagues, due }) =>
        `sendte sagen i høring${colleagues === null ? '' : ` hos ${colleagues}`}${due === null ? '' : ` med svarfrist ${due}`}`,
      commented: 'afgav sit høringssvar',
      preliminaryReply: 'sendte et foreløbigt svar til indberetteren',
      causesRecorded: 'registrerede årsager og tiltag',
      closed: 'lukkede sagen og sendte udfaldet til indberetteren',
      rejected: 'afviste indberetningen med en begrundelse til indberetteren',
      redirected: 'sendte sagen til whistleblowerordningen',
      flaggedSensitive: 'markerede sagen som følsom',
      unflaggedSensitive: 'fjernede markeringen som følsom',
      reminded: 'mindede sagsbehandleren om at sende et foreløbigt svar',
      escalated: 'underrettede lederen om, at fristen er overskredet',
      textRemoved: 'slettede indberetningens tekst efter opbevaringsreglen',
    },
    forms: {
      ask: {
        title: 'Spørg indberetteren',
        label: 'Spørgsmålet',
        hint: 'Indberetteren får spørgsmålet fra Trafiklys med dit navn, og svaret kommer tilbage til dig.',
      },
      answer: {
        title: 'Svar på spørgsmål',
        intro: ({ handler, number }) => `${handler} har et spørgsmål om afvigelse ${number}:`,
        label: 'Dit svar',
      },
      comments: {
        title: 'Send i høring',
        intro:
          'Kollegerne får sagen, uden indberetterens navn, og dit spørgsmål. Høringssvarene går kun til dig.',
        colleaguesLabel: 'Kolleger (e-mailadresser)',
        colleaguesHint: 'Én adresse pr. linje eller adskilt med komma.',
        questionLabel: 'Hvad vil du have kommentarer til?',
        dueDateLabel: 'Svarfrist',
        shareTextLabel: 'Kollegerne må læse indberetningens tekst',
        shareTextHint:
          'Sagen indeholder følsomme personoplysninger. Uden flueben ser kollegerne kun fakta og dit spørgsmål.',
      },
      comment: {
        title: 'Høringssvar',
        intro: ({ handler, number, due }) =>
          `${handler} beder om din kommentar til afvigelse ${number} senest ${due}:`,
        label: 'Din kommentar',
      },
      preliminaryReply: {
        title: 'Foreløbigt svar',
        intro:
          'Når behandlingen trækker ud, skal indberetteren have et foreløbigt svar, der siger hvorfor, og hvornår svaret kan ventes.',
        label: 'Svar til indberetteren',
      },
      causes: {
        title: 'Årsager og tiltag',
        intro: 'Det, du skriver, erstatter det registrerede; hver registrering står i historikken.',
        causesLabel: 'Årsager',
        measuresLabel: 'Tiltag',
      },
      close: {
        title: 'Luk sagen',
        intro: 'Registreret i sagen:',
        noCausesRecorded: 'Der er ikke registreret årsager eller tiltag.',
        outcomeLabel: 'Udfald',
        outcomeHint: 'Udfaldet sendes til indberetteren, som du skriver det.',
      },
      done: { title: 'Tak', okLabel: 'OK' },
    },
    errors: {
      required: 'Skriv noget her.',
      tooLong: ({ max, length }) =>
        `Teksten har ${number(length)} tegn; højst ${number(max)} er tilladt. Gør den kortere.`,
      personalNumber:
        'Teksten ser ud til at indeholde et CPR-nummer. Fjern det: CPR-numre må ikke sendes i chat.',
      causesOrMeasures: 'Skriv årsager, tiltag eller begge dele.',
      noColleagues: 'Skriv mindst én e-mailadresse.',
      notAnAddress: (address) => `»${address}« er ikke en e-mailadresse.`,
      unknownPerson: (address) =>
        `Der er ingen med adressen ${address} i Slack, Teams eller konsollen, så Trafiklys kan ikke nå personen.`,
      notYourself: 'Du kan ikke sende sagen i høring hos dig selv.',
      notTheReporter: (address) =>
        `${address} er indberetteren. Høringen er intern; brug »Spørg indberetteren« i stedet.`,
      tooManyColleagues: (max) => `Højst ${number(max)} kolleger pr. høring.`,
      dueDateMissing: 'Vælg en svarfrist.',
      dueDatePast: 'Svarfristen kan ikke ligge før i dag.',
      alreadyAnswered: 'Det er allerede besvaret.',
    },
    notices: {
      asked: ({ reporter }) => `Spørgsmålet er sendt til ${reporter}.`,
      sentForComments: ({ colleagues }) => `Sagen er sendt i høring hos ${colleagues}.`,
      preliminaryReplySent: 'Det foreløbige svar er sendt til indberetteren.',
      causesRecorded: 'Årsager og tiltag er registreret.',
      closed: 'Sagen er lukket, og udfaldet er sendt til indberetteren.',
      alreadyDone: 'Det var allerede sendt; formularen blev indsendt to gange.',
      unreachable: ({ people }) =>
        `Trafiklys kunne ikke nå ${people} i chatten lige nu. Det er gemt i sagen; giv besked på anden vis.`,
      answerSent: 'Dit svar er sendt til sagsbehandleren.',
      answerSaved: 'Dit svar er gemt i sagen, men sagsbehandleren kunne ikke få besked lige nu.',
      commentSent: 'Din kommentar er sendt til sagsbehandleren.',
      commentSaved: 'Din kommentar er gemt i sagen, men sagsbehandleren kunne ikke få besked lige nu.',
    },
    messages: {
      question: ({ handler, number }) =>
        `${handler}, der behandler afvigelse ${number}, har et spørgsmål til dig:`,
      questionNote: 'Dit svar går til sagsbehandleren.',
      answered: ({ reporter, number }) => `${reporter} har svaret på dit spørgsmål om afvigelse ${number}.`,
      theQuestion: 'Spørgsmålet',
      theAnswer: 'Svaret',
      commentRequestTitle: ({ number }) => `Høring: afvigelse ${number}`,
      commentRequest: ({ handler, due }) => `${handler} beder om din kommentar senest ${due}.`,
      commentRequestNote: 'Din kommentar går kun til sagsbehandleren. Sagen er intern; del den ikke videre.',
      commentRequestWithdrawn: ({ number, handler }) =>
        `${handler} har lukket afvigelse ${number}. Høringen er afsluttet, så du behøver ikke at kommentere.`,
      commented: ({ colleague, number }) => `${colleague} har afgivet høringssvar til afvigelse ${number}.`,
      theRequest: 'Spørgsmålet i høringen',
      theComment: 'Kommentaren',
      preliminaryReply: ({ number }) => `Foreløbigt svar om din afvigelse ${number}:`,
      preliminaryReplyNote: 'Sagen er stadig under behandling. Du får besked, når den er afsluttet.',
      closed: ({ number }) => `Din afvigelse ${number} er behandlet og lukket. Udfald:`,
      closedNote: 'Tak, fordi du sagde til.',
      assigned: ({ deadline }) => `Du er sagsbehandler på denne afvigelse. Fristen for svar er ${deadline}.`,
      assignedNote: 'Trækker behandlingen ud, så send indberetteren et foreløbigt svar.',
    },
  };
}
