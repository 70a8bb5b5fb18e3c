/**
 * The few sentences the Teams surface says on its own: when a request could
 * not be read or handled. Everything else the bot says comes from the core.
 * Danish for a Danish Teams client, English otherwise.
 */
export interface TeamsTexts {
  /** The payload did not have the shape the bot sent (an old card, a changed client). */
  readonly unreadableRequest: string;
  /** The core failed; `reference` lets support find the log line. */
  failed(reference: string): string;
  readonly done: string;
  readonly openForm: string;
  formIntro(title: string): string;
  /** The dialog was opened from a card posted before a restart, and its form is gone. */
  readonly formExpired: string;
  readonly formNotAvailable: string;
  readonly fileTooLarge: string;
  fileUnavailable(name: string): string;
  /** An answer meant for the actor only could not be sent to them privately. */
  readonly privateReplyFailed: string;
}

const english: TeamsTexts = {
  unreadableRequest:
    'Trafiklys could not read that request. Try again from a new message, e.g. type "trafiklys help".',
  failed: (reference) =>
    `Something went wrong in Trafiklys, and nothing was changed. Try again in a moment; if it keeps failing, give your administrator this reference: ${reference}.`,
  done: 'Done.',
  openForm: 'Open',
  formIntro: (title) => `Click Open to fill in "${title}".`,
  formExpired: 'This form has expired. Close it and open it again from the message.',
  formNotAvailable: 'This form is no longer available.',
  fileTooLarge: 'The file is too large for Trafiklys (at most 50 MB).',
  fileUnavailable: (name) => `Trafiklys could not download "${name}". Share it again in this chat.`,
  privateReplyFailed:
    'Trafiklys could not send you the answer in a private chat. Open a chat with Trafiklys and ask there.',
};

const danish: TeamsTexts = {
  unreadableRequest:
    'Trafiklys kunne ikke læse den forespørgsel. Prøv igen fra en ny besked, f.eks. ved at skrive "trafiklys help".',
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
};

export function teamsTexts(locale: string | null | undefined): TeamsTexts {
  return locale?.toLowerCase().startsWith('da') ? danish : english;
}
