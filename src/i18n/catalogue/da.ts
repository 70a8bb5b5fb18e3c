import { localeFormat } from '../locale-format.js';
import type { CoreCatalogue, LanguagePack } from './catalogue.js';
import { joinSections } from './join-sections.js';
import { procedureTexts } from './procedure-texts.js';

const format = localeFormat('da-DK');

/** The bot's own texts in Danish; the procedures' sections are joined in below. */
const core: CoreCatalogue = {
  commands: {
    helpHeading: 'Trafiklys – kommandoer',
    description: {
      help: 'Vis denne hjælp',
    },
    unknown: ({ text, helpCommand }) =>
      `»${text}« er ikke en kommando. Skriv ${helpCommand} for at se kommandoerne.`,
  },

  bot: {
    fileNotTaken: ({ fileName, kinds }) =>
      `Jeg ved ikke, hvad jeg skal gøre med ${fileName}. Jeg tager imod ${kinds}.`,
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
      languageName: 'Dansk',
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
  },
};

export const da: LanguagePack = { format, messages: joinSections(core, procedureTexts('da', format)) };
