import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { RichText } from '../../../messages/message-model.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** Who did something to a case, and when (already written the reader's way). */
interface ByAt {
  readonly by: string;
  readonly at: string;
}

/**
 * The triage part's texts: the report owners' card (its buttons and what was
 * done), the triage forms, and what the reporter and the handler are told.
 */
export interface TriageTexts {
  readonly button: {
    readonly accept: string;
    readonly forward: string;
    readonly reject: string;
    readonly redirect: string;
    readonly flagSensitive: string;
    readonly unflagSensitive: string;
  };
  /** On the card of a case marked as containing sensitive personal data. */
  readonly sensitiveMark: string;
  /** The card's line for a case the owners still have to decide on. */
  readonly awaitingTriage: string;
  /** What was done to the case, one line each (the case's audit trail, as the card shows it). */
  readonly trail: {
    forwarded(params: ByAt & { readonly from: string; readonly to: string }): string;
    accepted(params: ByAt): string;
    assigned(params: ByAt & { readonly handler: string }): string;
    rejected(params: ByAt): string;
    redirected(params: ByAt): string;
    flagged(params: ByAt): string;
    unflagged(params: ByAt): string;
  };
  /**
   * The reason of a rejection or a redirection under its label. Words people
   * typed reach a message only through the catalogue, which masks anything
   * shaped like a CPR number.
   */
  reason(reason: string): RichText;
  /** The old faculty's owners' card once the case went elsewhere. */
  forwardedAway(faculty: string): string;
  /** A forwarding owner's note, sent to the new faculty's owners with their card. */
  forwardNote(params: {
    readonly by: string;
    readonly from: string;
    readonly number: string;
    readonly note: string;
  }): RichText;
  /** The report owner's note in the handler's assignment. */
  handlerNote(params: { readonly by: string; readonly note: string }): RichText;
  readonly form: {
    readonly cancel: string;
    readonly accept: {
      readonly title: string;
      readonly submit: string;
      readonly handler: string;
      readonly handlerHint: string;
      readonly note: string;
      readonly noteHint: string;
    };
    readonly forward: {
      readonly title: string;
      readonly submit: string;
      readonly faculty: string;
      readonly facultyPlaceholder: string;
      readonly note: string;
      readonly noteHint: string;
    };
    readonly reject: {
      readonly title: string;
      readonly submit: string;
      readonly reason: string;
      readonly reasonHint: string;
    };
    readonly redirect: {
      readonly title: string;
      readonly submit: string;
      readonly reason: string;
      readonly reasonHint: string;
    };
    /** The view that answers a submission when something needs saying (someone was quicker, someone not reached). */
    readonly result: { readonly title: string; readonly close: string };
  };
  readonly error: {
    readonly handlerRequired: string;
    readonly handlerUnreachable: string;
    readonly handlerIsReporter: string;
    readonly facultyRequired: string;
    readonly reasonRequired: string;
    /** A CPR number or fødselsnummer in a reason or note: not taken (the personal data rule). */
    readonly identityNumber: string;
    tooLong(maxLength: number): string;
  };
  /** What the person who acted is told when not everyone could be reached. */
  readonly done: {
    accepted(params: { readonly number: string; readonly handler: string }): string;
    forwarded(params: { readonly number: string; readonly faculty: string }): string;
    rejected(number: string): string;
    redirected(number: string): string;
    flagged(number: string): string;
    unflagged(number: string): string;
  };
  couldNotReach(people: readonly string[]): string;
  cardsNotUpdated(people: readonly string[]): string;
  /** What the reporter is told, in her language. */
  readonly reporter: {
    accepted(params: { readonly number: string; readonly deadline: string }): string;
    forwarded(params: { readonly number: string; readonly faculty: string }): string;
    rejected(number: string): string;
    redirected(number: string): string;
    readonly whistleblowingHeading: string;
    readonly whistleblowingLink: string;
    readonly whistleblowingContacts: string;
  };
  /** The handler of a case that a report owner redirected to whistleblowing. */
  handlerRedirected(params: { readonly number: string; readonly by: string }): string;
}

export const triageTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => TriageTexts>> = {
  nb: (format) => ({
    button: {
      accept: 'Godta og tildel behandler',
      forward: 'Videresend til et annet fakultet',
      reject: 'Avvis',
      redirect: 'Send til varslingskanalen',
      flagSensitive: 'Merk: sensitive personopplysninger',
      unflagSensitive: 'Fjern merking: sensitive personopplysninger',
    },
    sensitiveMark: 'Merket: inneholder sensitive personopplysninger.',
    awaitingTriage: 'Venter på vurdering fra en meldingsansvarlig.',
    trail: {
      forwarded: ({ from, to, by, at }) => `Videresendt fra ${from} til ${to} av ${by}, ${at}.`,
      accepted: ({ by, at }) => `Godtatt av ${by}, ${at}.`,
      assigned: ({ handler, by, at }) => `Tildelt ${handler} av ${by}, ${at}.`,
      rejected: ({ by, at }) => `Avvist av ${by}, ${at}.`,
      redirected: ({ by, at }) => `Sendt til varslingskanalen av ${by}, ${at}.`,
      flagged: ({ by, at }) => `Merket med sensitive personopplysninger av ${by}, ${at}.`,
      unflagged: ({ by, at }) => `Merkingen av sensitive personopplysninger ble fjernet av ${by}, ${at}.`,
    },
    reason: (reason) => [{ kind: 'styled', text: 'Begrunnelse', bold: true }, `\n${reason}`],
    forwardedAway: (faculty) =>
      `Saken ligger nå hos meldingsansvarlige ved ${faculty}. Du kan ikke lenger gjøre noe med den.`,
    forwardNote: ({ by, from, number, note }) => [
      {
        kind: 'styled',
        text: `${by} (${from}) videresendte avvik ${number} til dere med et notat:`,
        bold: true,
      },
      `\n${note}`,
    ],
    handlerNote: ({ by, note }) => [{ kind: 'styled', text: `Notat fra ${by}:`, bold: true }, `\n${note}`],
    form: {
      cancel: 'Avbryt',
      accept: {
        title: 'Godta og tildel',
        submit: 'Godta',
        handler: 'Behandler',
        handlerHint: 'Behandleren får saken og følger den opp innen fristen.',
        note: 'Notat til behandleren',
        noteHint: 'Valgfritt. Bare behandleren ser notatet.',
      },
      forward: {
        title: 'Videresend avvik',
        submit: 'Videresend',
        faculty: 'Fakultet',
        facultyPlaceholder: 'Velg fakultet',
        note: 'Notat til fakultetets meldingsansvarlige',
        noteHint: 'Valgfritt. Melderen ser ikke notatet.',
      },
      reject: {
        title: 'Avvis avvik',
        submit: 'Avvis',
        reason: 'Begrunnelse',
        reasonHint: 'Melderen får begrunnelsen slik du skriver den.',
      },
      redirect: {
        title: 'Send til varsling',
        submit: 'Send til varsling',
        reason: 'Begrunnelse',
        reasonHint:
          'Melderen får begrunnelsen slik du skriver den, sammen med varslingskanalen og hvem melderen kan snakke med.',
      },
      result: { title: 'Avvik', close: 'Lukk' },
    },
    error: {
      handlerRequired: 'Velg en behandler.',
      handlerUnreachable: 'Trafiklys når ingen med denne adressen. Velg en annen behandler.',
      handlerIsReporter: 'Melderen kan ikke behandle sitt eget avvik.',
      facultyRequired: 'Velg fakultetet saken skal til.',
      reasonRequired: 'Skriv en begrunnelse.',
      identityNumber: 'Ta bort fødselsnummeret: slike numre skal ikke sendes i chat.',
      tooLong: (maxLength) => `Høyst ${format.number(maxLength)} tegn.`,
    },
    done: {
      accepted: ({ number, handler }) => `Avvik ${number} er godtatt og tildelt ${handler}.`,
      forwarded: ({ number, faculty }) => `Avvik ${number} er videresendt til ${faculty}.`,
      rejected: (number) => `Avvik ${number} er avvist.`,
      redirected: (number) => `Avvik ${number} er sendt til varslingskanalen.`,
      flagged: (number) => `Avvik ${number} er merket med sensitive personopplysninger.`,
      unflagged: (number) => `Merkingen av avvik ${number} er fjernet.`,
    },
    couldNotReach: (people) => `Trafiklys nådde ikke ${format.list(people)}. Gi beskjed på annen måte.`,
    cardsNotUpdated: (people) =>
      `Kortet til ${format.list(people)} kunne ikke oppdateres. Det viser fortsatt saken slik den var.`,
    reporter: {
      accepted: ({ number, deadline }) =>
        `Avviket ditt ${number} er godtatt og er nå under behandling. Du får svar innen ${deadline}.`,
      forwarded: ({ number, faculty }) =>
        `Avviket ditt ${number} gjelder ${faculty} og er sendt videre til meldingsansvarlige der.`,
      rejected: (number) => `Avviket ditt ${number} er avvist, og blir ikke behandlet som et avvik.`,
      redirected: (number) =>
        `Det du meldte i ${number}, behandles ikke som et avvik, men i varslingskanalen. Saken er lukket her.`,
      whistleblowingHeading: 'Slik varsler du',
      whistleblowingLink: 'Varslingskanalen',
      whistleblowingContacts: 'Er du i tvil, kan du snakke med noen som har taushetsplikt:',
    },
    handlerRedirected: ({ number, by }) =>
      `${by} har sendt avvik ${number} til varslingskanalen. Saken er lukket, og du skal ikke behandle den videre.`,
  }),
  da: (format) => ({
    button: {
      accept: 'Acceptér og tildel sagsbehandler',
      forward: 'Videresend til et andet fakultet',
      reject: 'Afvis',
      redirect: 'Henvis til whistleblowerordningen',
      flagSensitive: 'Markér: følsomme personoplysninger',
      unflagSensitive: 'Fjern markering: følsomme personoplysninger',
    },
    sensitiveMark: 'Markeret: indeholder følsomme personoplysninger.',
    awaitingTriage: 'Venter på en meldingsansvarligs vurdering.',
    trail: {
      forwarded: ({ from, to, by, at }) => `Videresendt fra ${from} til ${to} af ${by}, ${at}.`,
      accepted: ({ by, at }) => `Accepteret af ${by}, ${at}.`,
      assigned: ({ handler, by, at }) => `Tildelt ${handler} af ${by}, ${at}.`,
      rejected: ({ by, at }) => `Afvist af ${by}, ${at}.`,
      redirected: ({ by, at }) => `Henvist til whistleblowerordningen af ${by}, ${at}.`,
      flagged: ({ by, at }) => `Markeret med følsomme personoplysninger af ${by}, ${at}.`,
      unflagged: ({ by, at }) => `Markeringen af følsomme personoplysninger blev fjernet af ${by}, ${at}.`,
    },
    reason: (reason) => [{ kind: 'styled', text: 'Begrundelse', bold: true }, `\n${reason}`],
    forwardedAway: (faculty) =>
      `Sagen ligger nu hos de meldingsansvarlige på ${faculty}. Du kan ikke længere gøre noget ved den.`,
    forwardNote: ({ by, from, number, note }) => [
      {
        kind: 'styled',
        text: `${by} (${from}) videresendte afvigelse ${number} til jer med en note:`,
        bold: true,
      },
      `\n${note}`,
    ],
    handlerNote: ({ by, note }) => [{ kind: 'styled', text: `Note fra ${by}:`, bold: true }, `\n${note}`],
    form: {
      cancel: 'Annullér',
      accept: {
        title: 'Acceptér og tildel',
        submit: 'Acceptér',
        handler: 'Sagsbehandler',
        handlerHint: 'Sagsbehandleren får sagen og følger den op inden fristen.',
        note: 'Note til sagsbehandleren',
        noteHint: 'Valgfri. Kun sagsbehandleren ser noten.',
      },
      forward: {
        title: 'Videresend afvigelse',
        submit: 'Videresend',
        faculty: 'Fakultet',
        facultyPlaceholder: 'Vælg fakultet',
        note: 'Note til fakultetets meldingsansvarlige',
        noteHint: 'Valgfri. Indberetteren ser ikke noten.',
      },
      reject: {
        title: 'Afvis afvigelse',
        submit: 'Afvis',
        reason: 'Begrundelse',
        reasonHint: 'Indberetteren får begrundelsen, som du skriver den.',
      },
      redirect: {
        title: 'Whistleblowerordningen',
        submit: 'Henvis',
        reason: 'Begrundelse',
        reasonHint:
          'Indberetteren får begrundelsen, som du skriver den, sammen med whistleblowerordningen og hvem indberetteren kan tale med.',
      },
      result: { title: 'Afvigelse', close: 'Luk' },
    },
    error: {
      handlerRequired: 'Vælg en sagsbehandler.',
      handlerUnreachable: 'Trafiklys kan ikke nå nogen med denne adresse. Vælg en anden sagsbehandler.',
      handlerIsReporter: 'Indberetteren kan ikke behandle sin egen afvigelse.',
      facultyRequired: 'Vælg det fakultet, sagen skal til.',
      reasonRequired: 'Skriv en begrundelse.',
      identityNumber: 'Fjern personnummeret: sådanne numre må ikke sendes i chat.',
      tooLong: (maxLength) => `Højst ${format.number(maxLength)} tegn.`,
    },
    done: {
      accepted: ({ number, handler }) => `Afvigelse ${number} er accepteret og tildelt ${handler}.`,
      forwarded: ({ number, faculty }) => `Afvigelse ${number} er videresendt til ${faculty}.`,
      rejected: (number) => `Afvigelse ${number} er afvist.`,
      redirected: (number) => `Afvigelse ${number} er henvist til whistleblowerordningen.`,
      flagged: (number) => `Afvigelse ${number} er markeret med følsomme personoplysninger.`,
      unflagged: (number) => `Markeringen af afvigelse ${number} er fjernet.`,
    },
    couldNotReach: (people) => `Trafiklys kunne ikke nå ${format.list(people)}. Giv besked på anden vis.`,
    cardsNotUpdated: (people) =>
      `Kortet hos ${format.list(people)} kunne ikke opdateres. Det viser stadig sagen, som den var.`,
    reporter: {
      accepted: ({ number, deadline }) =>
        `Din afvigelse ${number} er accepteret og er nu under behandling. Du får svar senest ${deadline}.`,
      forwarded: ({ number, faculty }) =>
        `Din afvigelse ${number} hører under ${faculty} og er sendt videre til de meldingsansvarlige der.`,
      rejected: (number) => `Din afvigelse ${number} er afvist og bliver ikke behandlet som en afvigelse.`,
      redirected: (number) =>
        `Det, du indberettede i ${number}, behandles ikke som en afvigelse, men i whistleblowerordningen. Sagen er lukket her.`,
      whistleblowingHeading: 'Sådan indberetter du til whistleblowerordningen',
      whistleblowingLink: 'Whistleblowerordningen',
      whistleblowingContacts: 'Er du i tvivl, kan du tale med en, der har tavshedspligt:',
    },
    handlerRedirected: ({ number, by }) =>
      `${by} har henvist afvigelse ${number} til whistleblowerordningen. Sagen er lukket, og du skal ikke behandle den videre.`,
  }),
  en: (format) => ({
    button: {
      accept: 'Accept and assign a handler',
      forward: 'Forward to another faculty',
      reject: 'Reject',
      redirect: 'Redirect to whistleblowing',
      flagSensitive: 'Mark: sensitive personal data',
      unflagSensitive: 'Unmark: sensitive personal data',
    },
    sensitiveMark: 'Marked: contains sensitive personal data.',
    awaitingTriage: 'Waiting for a report owner’s decision.',
    trail: {
      forwarded: ({ from, to, by, at }) => `Forwarded from ${from} to ${to} by ${by}, ${at}.`,
      accepted: ({ by, at }) => `Accepted by ${by}, ${at}.`,
      assigned: ({ handler, by, at }) => `Assigned to ${handler} by ${by}, ${at}.`,
      rejected: ({ by, at }) => `Rejected by ${by}, ${at}.`,
      redirected: ({ by, at }) => `Redirected to whistleblowing by ${by}, ${at}.`,
      flagged: ({ by, at }) => `Marked as containing sensitive personal data by ${by}, ${at}.`,
      unflagged: ({ by, at }) => `The sensitive personal data mark was removed by ${by}, ${at}.`,
    },
    reason: (reason) => [{ kind: 'styled', text: 'Reason', bold: true }, `\n${reason}`],
    forwardedAway: (faculty) =>
      `The case is now with the report owners of ${faculty}. You can no longer act on it.`,
    forwardNote: ({ by, from, number, note }) => [
      {
        kind: 'styled',
        text: `${by} (${from}) forwarded deviation ${number} to your faculty with a note:`,
        bold: true,
      },
      `\n${note}`,
    ],
    handlerNote: ({ by, note }) => [{ kind: 'styled', text: `A note from ${by}:`, bold: true }, `\n${note}`],
    form: {
      cancel: 'Cancel',
      accept: {
        title: 'Accept and assign',
        submit: 'Accept',
        handler: 'Handler',
        handlerHint: 'The handler gets the case and follows it up within the deadline.',
        note: 'Note to the handler',
        noteHint: 'Optional. Only the handler sees the note.',
      },
      forward: {
        title: 'Forward deviation',
        submit: 'Forward',
        faculty: 'Faculty',
        facultyPlaceholder: 'Choose a faculty',
        note: 'Note to the faculty’s report owners',
        noteHint: 'Optional. The reporter does not see the note.',
      },
      reject: {
        title: 'Reject deviation',
        submit: 'Reject',
        reason: 'Reason',
        reasonHint: 'The reporter receives the reason as you write it.',
      },
      redirect: {
        title: 'Whistleblowing route',
        submit: 'Redirect',
        reason: 'Reason',
        reasonHint:
          'The reporter receives the reason as you write it, with the whistleblowing route and whom they can talk to.',
      },
      result: { title: 'Deviation', close: 'Close' },
    },
    error: {
      handlerRequired: 'Choose a handler.',
      handlerUnreachable: 'Trafiklys cannot reach anyone with this address. Choose another handler.',
      handlerIsReporter: 'The reporter cannot handle their own report.',
      facultyRequired: 'Choose the faculty the case goes to.',
      reasonRequired: 'Write a reason.',
      identityNumber: 'Remove the personal identity number: such numbers must not be sent in chat.',
      tooLong: (maxLength) => `At most ${format.number(maxLength)} characters.`,
    },
    done: {
      accepted: ({ number, handler }) => `Deviation ${number} is accepted and assigned to ${handler}.`,
      forwarded: ({ number, faculty }) => `Deviation ${number} is forwarded to ${faculty}.`,
      rejected: (number) => `Deviation ${number} is rejected.`,
      redirected: (number) => `Deviation ${number} is redirected to whistleblowing.`,
      flagged: (number) => `Deviation ${number} is marked as containing sensitive personal data.`,
      unflagged: (number) => `The mark on deviation ${number} is removed.`,
    },
    couldNotReach: (people) =>
      `Trafiklys could not reach ${format.list(people)}. Please tell them another way.`,
    cardsNotUpdated: (people) =>
      `The card of ${format.list(people)} could not be updated. It still shows the case as it was.`,
    reporter: {
      accepted: ({ number, deadline }) =>
        `Your deviation report ${number} has been accepted and is now being handled. You will have an answer by ${deadline}.`,
      forwarded: ({ number, faculty }) =>
        `Your deviation report ${number} concerns ${faculty} and has been passed on to its report owners.`,
      rejected: (number) =>
        `Your deviation report ${number} has been rejected: it is not handled as a deviation.`,
      redirected: (number) =>
        `What you reported in ${number} is not handled as a deviation but through the whistleblowing route. The case is closed here.`,
      whistleblowingHeading: 'How to blow the whistle',
      whistleblowingLink: 'The whistleblowing route',
      whistleblowingContacts: 'If you are in doubt, you can talk to someone with a duty of confidentiality:',
    },
    handlerRedirected: ({ number, by }) =>
      `${by} has redirected deviation ${number} to whistleblowing. The case is closed and needs no further handling from you.`,
  }),
};
