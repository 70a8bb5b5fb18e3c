import type { LocaleFormat } from '../../../../i18n/locale-format.js';
import type { HandlingTexts } from '../handling-texts.js';

/** The handling part in Norwegian (bokmål), in NTNU's words: melder, behandler, høring, foreløpig svar. */
export function handlingTextsNb(format: LocaleFormat): HandlingTexts {
  const { number } = format;
  return {
    caseCommandDescription: 'Vis en avvikssak med historikk, for eksempel «sak 2026-0042»',
    caseNumberMissing: ({ example }) => `Skriv saksnummeret etter kommandoen, for eksempel «${example}».`,
    view: {
      title: 'Avvikssak',
      doneLabel: 'Ferdig',
      closeLabel: 'Lukk',
      tabCase: 'Saken',
      tabExchanges: (count) => `Spørsmål og høring (${number(count)})`,
      tabHistory: (count) => `Historikk (${number(count)})`,
      pageStatus: ({ page, pages }) => `Side ${number(page)} av ${number(pages)}`,
      previous: 'Forrige',
      next: 'Neste',
      sensitiveMark: 'Merket: saken inneholder sensitive personopplysninger.',
      preliminaryReplySent: 'Foreløpig svar sendt',
      closedAt: 'Lukket',
      causes: 'Årsaker',
      measures: 'Tiltak',
      outcome: 'Utfall',
      reason: 'Begrunnelse',
      notRecorded: 'Ikke registrert ennå.',
      viewOnly: ({ handler }) =>
        `${handler} behandler saken. Du kan se den, men bare behandleren kan behandle den.`,
      noExchanges: 'Ingen spørsmål til melder og ingen høringer ennå.',
      question: ({ askedBy, reporter, at }) => `Spørsmål fra ${askedBy} til ${reporter}, ${at}`,
      commentRequest: ({ askedBy, colleague, at, due }) =>
        `Høring fra ${askedBy} til ${colleague}, ${at}, svarfrist ${due}`,
      answer: ({ at }) => `Svar, ${at}`,
      notAnswered: 'Ikke besvart ennå.',
      preliminaryReply: ({ handler, reporter, at }) => `Foreløpig svar fra ${handler} til ${reporter}, ${at}`,
    },
    actions: {
      ask: 'Spør melderen',
      comments: 'Send på høring',
      preliminaryReply: 'Send foreløpig svar',
      causes: 'Årsaker og tiltak',
      close: 'Lukk saken',
      openCase: 'Åpne saken',
      answer: 'Svar',
      comment: 'Kommenter',
      send: 'Send',
      cancel: 'Avbryt',
    },
    history: {
      filed: 'meldte avviket',
      forwarded: ({ from, to }) =>
        `sendte saken videre${from === null ? '' : ` fra ${from}`}${to === null ? '' : ` til ${to}`}`,
      accepted: 'godtok meldingen som et avvik',
      assigned: ({ handler }) =>
        handler === null ? 'tildelte saken en behandler' : `tildelte saken til ${handler}`,
      asked: 'stilte melder et spørsmål',
      answered: 'svarte på spørsmålet',
      sentForComments: ({ colleagues, due }) =>
        `sendte saken på høring${colleagues === null ? '' : ` til ${colleagues}`}${due === null ? '' : ` med svarfrist ${due}`}`,
      commented: 'ga sin høringskommentar',
      preliminaryReply: 'sendte foreløpig svar til melder',
      causesRecorded: 'registrerte årsaker og tiltak',
      closed: 'lukket saken og sendte utfallet til melder',
      rejected: 'avviste meldingen med begrunnelse til melder',
      redirected: 'sendte saken til varslingskanalen',
      flaggedSensitive: 'merket saken som sensitiv',
      unflaggedSensitive: 'fjernet merkingen som sensitiv',
      reminded: 'minnet behandleren om å sende foreløpig svar',
      escalated: 'varslet linjeleder om at fristen er overskredet',
      textRemoved: 'slettet meldingens tekst etter oppbevaringsregelen',
    },
    forms: {
      ask: {
        title: 'Spør melderen',
        label: 'Spørsmålet',
        hint: 'Melderen får spørsmålet fra Trafiklys med navnet ditt, og svaret kommer tilbake til deg.',
      },
      answer: {
        title: 'Svar på spørsmål',
        intro: ({ handler, number }) => `${handler} har et spørsmål om avvik ${number}:`,
        label: 'Svaret ditt',
      },
      comments: {
        title: 'Send på høring',
        intro:
          'Kollegene får saken, uten melderens navn, og spørsmålet ditt. Kommentarene kommer bare til deg.',
        colleaguesLabel: 'Kolleger (e-postadresser)',
        colleaguesHint: 'Én adresse per linje, eller skilt med komma.',
        questionLabel: 'Hva ønsker du kommentarer på?',
        dueDateLabel: 'Svarfrist',
        shareTextLabel: 'Kollegene kan lese meldingens tekst',
        shareTextHint:
          'Saken inneholder sensitive personopplysninger. Uten avkrysning ser kollegene bare fakta og spørsmålet ditt.',
      },
      comment: {
        title: 'Høringskommentar',
        intro: ({ handler, number, due }) =>
          `${handler} ber om kommentaren din til avvik ${number} innen ${due}:`,
        label: 'Kommentaren din',
      },
      preliminaryReply: {
        title: 'Foreløpig svar',
        intro:
          'Når behandlingen tar uforholdsmessig lang tid, skal melderen få et foreløpig svar som sier hvorfor og når svaret kan ventes (forvaltningsloven § 11a).',
        label: 'Svar til melder',
      },
      causes: {
        title: 'Årsaker og tiltak',
        intro:
          'Det du skriver erstatter det som er registrert fra før; hver registrering står i historikken.',
        causesLabel: 'Årsaker',
        measuresLabel: 'Tiltak',
      },
      close: {
        title: 'Lukk saken',
        intro: 'Registrert i saken:',
        noCausesRecorded: 'Ingen årsaker eller tiltak er registrert.',
        outcomeLabel: 'Utfall',
        outcomeHint: 'Utfallet sendes til melder slik du skriver det.',
      },
      done: { title: 'Takk', okLabel: 'OK' },
    },
    errors: {
      required: 'Skriv noe her.',
      tooLong: ({ max, length }) =>
        `Teksten har ${number(length)} tegn; høyst ${number(max)} er tillatt. Gjør den kortere.`,
      personalNumber:
        'Teksten ser ut til å inneholde et fødselsnummer eller personnummer. Fjern det: slike numre skal ikke sendes i chat.',
      causesOrMeasures: 'Skriv årsaker, tiltak eller begge deler.',
      noColleagues: 'Skriv minst én e-postadresse.',
      notAnAddress: (address) => `«${address}» er ikke en e-postadresse.`,
      unknownPerson: (address) =>
        `Finner ingen med adressen ${address} i Slack, Teams eller konsollen, så Trafiklys kan ikke nå vedkommende.`,
      notYourself: 'Du kan ikke sende saken på høring til deg selv.',
      notTheReporter: (address) =>
        `${address} er melderen. Høringen er intern; bruk «Spør melderen» i stedet.`,
      tooManyColleagues: (max) => `Høyst ${number(max)} kolleger per høring.`,
      dueDateMissing: 'Velg en svarfrist.',
      dueDatePast: 'Svarfristen kan ikke være før i dag.',
      alreadyAnswered: 'Dette er allerede besvart.',
    },
    notices: {
      asked: ({ reporter }) => `Spørsmålet er sendt til ${reporter}.`,
      sentForComments: ({ colleagues }) => `Saken er sendt på høring til ${colleagues}.`,
      preliminaryReplySent: 'Det foreløpige svaret er sendt til melder.',
      causesRecorded: 'Årsaker og tiltak er registrert.',
      closed: 'Saken er lukket, og utfallet er sendt til melder.',
      alreadyDone: 'Dette var allerede sendt; skjemaet ble sendt inn to ganger.',
      unreachable: ({ people }) =>
        `Trafiklys kunne ikke nå ${people} i chat nå. Det er lagret i saken; gi beskjed på annen måte.`,
      answerSent: 'Svaret ditt er sendt til behandleren.',
      answerSaved: 'Svaret ditt er lagret i saken, men behandleren kunne ikke varsles nå.',
      commentSent: 'Kommentaren din er sendt til behandleren.',
      commentSaved: 'Kommentaren din er lagret i saken, men behandleren kunne ikke varsles nå.',
    },
    messages: {
      question: ({ handler, number }) =>
        `${handler}, som behandler avvik ${number}, har et spørsmål til deg:`,
      questionNote: 'Svaret ditt går til behandleren av saken.',
      answered: ({ reporter, number }) => `${reporter} har svart på spørsmålet ditt om avvik ${number}.`,
      theQuestion: 'Spørsmålet',
      theAnswer: 'Svaret',
      commentRequestTitle: ({ number }) => `Høring: avvik ${number}`,
      commentRequest: ({ handler, due }) => `${handler} ber om kommentaren din innen ${due}.`,
      commentRequestNote: 'Kommentaren din går bare til behandleren. Saken er intern; ikke del den videre.',
      commentRequestWithdrawn: ({ number, handler }) =>
        `${handler} har lukket avvik ${number}. Høringen er avsluttet, så du trenger ikke å kommentere.`,
      commented: ({ colleague, number }) => `${colleague} har gitt høringskommentar til avvik ${number}.`,
      theRequest: 'Spørsmålet i høringen',
      theComment: 'Kommentaren',
      preliminaryReply: ({ number }) => `Foreløpig svar om avviket ditt ${number}:`,
      preliminaryReplyNote: 'Saken er fortsatt under behandling. Du får beskjed når den er avsluttet.',
      closed: ({ number }) => `Avviket ditt ${number} er behandlet og lukket. Utfall:`,
      closedNote: 'Takk for at du meldte fra.',
      assigned: ({ deadline }) => `Du er behandler for dette avviket. Fristen for svar er ${deadline}.`,
      assignedNote: 'Tar behandlingen lang tid, send melderen et foreløpig svar (forvaltningsloven § 11a).',
    },
  };
}
