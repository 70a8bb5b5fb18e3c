import { localeFormat } from '../locale-format.js';
import type { CoreCatalogue, LanguagePack } from './catalogue.js';
import { joinSections } from './join-sections.js';
import { procedureTexts } from './procedure-texts.js';

// Norwegian conventions: `6. april 2026`, `1 234` (a no-break space groups thousands), `7,5`.
const format = localeFormat('nb-NO');

/**
 * The bot's own texts in Norwegian Bokmål; the procedures' sections are joined
 * in below. Values are quoted «…», the Norwegian way (Danish turns them »…«).
 */
const core: CoreCatalogue = {
  commands: {
    helpHeading: 'Trafiklys – kommandoer',
    description: {
      help: 'Vis denne hjelpen',
    },
    unknown: ({ text, helpCommand }) =>
      `«${text}» er ikke en kommando. Skriv ${helpCommand} for å se kommandoene.`,
  },

  bot: {
    fileNotTaken: ({ fileName, kinds }) =>
      `Jeg vet ikke hva jeg skal gjøre med ${fileName}. Jeg tar imot ${kinds}.`,
  },

  surfaces: {
    slack: {
      unreadableRequest:
        'Trafiklys kunne ikke lese den forespørselen. Prøv igjen fra en ny melding eller med `/trafiklys help`.',
      failed: (reference) =>
        `Noe gikk galt i Trafiklys, og ingenting er endret. Prøv igjen om litt; hvis det fortsetter, gi administratoren din denne referansen: ${reference}.`,
      formTooSlow: 'Trafiklys brukte for lang tid på å åpne skjemaet, og Slack ga opp. Prøv igjen.',
      formNeedsClick:
        'Trafiklys trenger et skjema til dette. Skriv `/trafiklys` eller klikk på knappen i meldingen.',
      formExpired: 'Skjemaet er utløpt. Lukk det og åpne det igjen fra meldingen.',
      formOutcomeLate: (title) =>
        `Trafiklys trengte mer tid til å sjekke «${title}», så skjemaet ble lukket.`,
      formSaved: (title) => `Svarene dine i «${title}» er lagret.`,
      formRejected: (title, problems) =>
        `Svarene dine i «${title}» ble ikke lagret:\n${problems.map((problem) => `• ${problem}`).join('\n')}\nÅpne skjemaet igjen for å rette dem.`,
      fileUnavailable: (name) => `Trafiklys kunne ikke hente «${name}» fra Slack. Del filen på nytt.`,
      fileTooLarge: (name, megabytes) => `«${name}» er for stor for Trafiklys (høyst ${megabytes} MB).`,
      inviteBot:
        'Trafiklys er ikke medlem av denne kanalen. Inviter den med `/invite @Trafiklys` og prøv igjen.',
    },
    teams: {
      unreadableRequest:
        'Trafiklys kunne ikke lese den forespørselen. Prøv igjen fra en ny melding, f.eks. ved å skrive «@Trafiklys help».',
      failed: (reference) =>
        `Noe gikk galt i Trafiklys, og ingenting er endret. Prøv igjen om litt; hvis det fortsetter, gi administratoren din denne referansen: ${reference}.`,
      done: 'Utført.',
      openForm: 'Åpne',
      formIntro: (title) => `Klikk på Åpne for å fylle ut «${title}».`,
      formExpired: 'Skjemaet er utløpt. Lukk det og åpne det igjen fra meldingen.',
      formNotAvailable: 'Skjemaet finnes ikke lenger.',
      fileTooLarge: 'Filen er for stor for Trafiklys (høyst 50 MB).',
      fileUnavailable: (name) => `Trafiklys kunne ikke hente «${name}». Del den på nytt i denne chatten.`,
      privateReplyFailed:
        'Trafiklys kunne ikke sende deg svaret i en privat chat. Åpne en chat med Trafiklys og spør der.',
    },
    console: {
      page: {
        title: 'Trafiklys-konsoll',
        youAre: 'Du er',
        signedInAs: 'Logget inn som',
        signOut: 'Logg ut',
        language: 'Språk',
        conversations: 'Samtaler',
        boardChannels: 'Studieutvalgenes kanaler',
        directMessages: 'Direktemeldinger',
        command: 'Kommando',
        send: 'Send',
        uploadExport: 'Last opp eksport',
        onlyVisibleToYou: 'Bare synlig for deg',
        noMessages: 'Det er ingen meldinger i denne samtalen ennå.',
        couldNotReach: 'Fikk ikke kontakt med Trafiklys:',
        notYours: 'Du har ikke tilgang til denne samtalen.',
        signInNeeded:
          'Åpne konsollen med innloggingslenken du har fått. Den som drifter Trafiklys, lager en ny med:',
        signInCommand: 'npx trafiklys console link DIN-E-POST',
      },
      languageName: 'Norsk (bokmål)',
      boardRole: ({ role, board }) =>
        `${{ chair: 'leder', secretary: 'sekretær', delegate: 'stedfortreder' }[role]} for ${board}`,
      managerRole: {
        head_of_department: 'instituttleder',
        head_of_studies: 'studieleder',
        dean: 'dekan',
        student_services: 'studentservice',
        quality_department: 'kvalitetsavdelingen',
      },
      signInRefused:
        'Denne innloggingslenken er ikke gyldig: den er utløpt, endret eller gjelder en person Trafiklys ikke lenger kjenner.',
    },
  },

  errors: {
    somethingWentWrong: ({ contact, reference }) =>
      reference === null
        ? ['Noe gikk galt – prøv igjen, eller kontakt ', contact, '.']
        : [
            'Noe gikk galt – prøv igjen, eller kontakt ',
            contact,
            ' og oppgi feilreferansen ',
            { kind: 'styled', text: reference, code: true },
            '.',
          ],
  },
};

export const nb: LanguagePack = { format, messages: joinSections(core, procedureTexts('nb', format)) };
