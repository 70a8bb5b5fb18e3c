/**
 * The few sentences the Slack surface says on its own: when a request could
 * not be read or handled. Everything else the bot says comes from the core.
 * Danish for a Danish Slack client, English otherwise.
 */
export interface SlackTexts {
  /** The payload did not have the shape Trafiklys sent or expects (an old message, a changed client). */
  readonly unreadableRequest: string;
  /** The core or Slack failed; `reference` lets support find the log line. */
  failed(reference: string): string;
  /** Slack only opens a form within 3 s of a click or a command. */
  readonly formTooSlow: string;
  /** A reply wanted a form where Slack cannot open one (a shared file). */
  readonly formNeedsClick: string;
  /** A modal opened before a restart: its form is gone. */
  readonly formExpired: string;
  /** The form took longer than Slack waits; the modal closed and the outcome comes here. */
  formOutcomeLate(title: string): string;
  formSaved(title: string): string;
  formRejected(title: string, problems: readonly string[]): string;
  fileUnavailable(name: string): string;
  fileTooLarge(name: string, megabytes: number): string;
  /** The bot was asked to post in a channel it is not a member of. */
  readonly inviteBot: string;
}

const english: SlackTexts = {
  unreadableRequest:
    'Trafiklys could not read that request. Try again from a new message or with `/trafiklys help`.',
  failed: (reference) =>
    `Something went wrong in Trafiklys, and nothing was changed. Try again in a moment; if it keeps failing, give your administrator this reference: ${reference}.`,
  formTooSlow: 'Trafiklys took too long to open the form, and Slack gave up. Please try again.',
  formNeedsClick:
    'Trafiklys needs a form for this. Run `/trafiklys` or click the button in the message to open it.',
  formExpired: 'This form has expired. Close it and open it again from the message.',
  formOutcomeLate: (title) => `Trafiklys needed more time to check “${title}”, so the form was closed.`,
  formSaved: (title) => `Your answers to “${title}” were saved.`,
  formRejected: (title, problems) =>
    `Your answers to “${title}” were not saved:\n${problems.map((problem) => `• ${problem}`).join('\n')}\nOpen the form again to correct them.`,
  fileUnavailable: (name) => `Trafiklys could not download “${name}” from Slack. Share the file again.`,
  fileTooLarge: (name, megabytes) => `“${name}” is too large for Trafiklys (at most ${megabytes} MB).`,
  inviteBot: 'Trafiklys is not a member of this channel. Invite it with `/invite @Trafiklys` and try again.',
};

const danish: SlackTexts = {
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
  inviteBot: 'Trafiklys er ikke medlem af denne kanal. Inviter den med `/invite @Trafiklys` og prøv igen.',
};

/** Danish for `da`, `da-DK`…; English for everything else and for an unknown locale. */
export function slackTexts(locale: string | null): SlackTexts {
  const language = locale?.trim().split(/[-_]/, 1)[0]?.toLowerCase();
  return language === 'da' ? danish : english;
}
