import { localeFormat } from '../locale-format.js';
import type { CoreCatalogue, LanguagePack } from './catalogue.js';
import { joinSections } from './join-sections.js';
import { procedureTexts } from './procedure-texts.js';

// British conventions: `6 April 2026`, `1,234`.
const format = localeFormat('en-GB');

/** The bot's own texts in English; the procedures' sections are joined in below. */
const core: CoreCatalogue = {
  commands: {
    helpHeading: 'Trafiklys – commands',
    description: {
      help: 'Show this help',
    },
    unknown: ({ text, helpCommand }) =>
      `“${text}” is not a command. Type ${helpCommand} to see the commands.`,
  },

  bot: {
    fileNotTaken: ({ fileName, kinds }) => `I do not know what to do with ${fileName}. I take ${kinds}.`,
  },

  surfaces: {
    slack: {
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
      inviteBot:
        'Trafiklys is not a member of this channel. Invite it with `/invite @Trafiklys` and try again.',
    },
    teams: {
      unreadableRequest:
        'Trafiklys could not read that request. Try again from a new message, e.g. type "@Trafiklys help".',
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
    },
    console: {
      page: {
        title: 'Trafiklys console',
        youAre: 'You are',
        signedInAs: 'Signed in as',
        signOut: 'Sign out',
        language: 'Language',
        conversations: 'Conversations',
        boardChannels: 'Study board channels',
        directMessages: 'Direct messages',
        command: 'Command',
        send: 'Send',
        uploadExport: 'Upload export',
        onlyVisibleToYou: 'Only visible to you',
        noMessages: 'No messages in this conversation yet.',
        couldNotReach: 'Could not reach the bot:',
        notYours: 'This conversation is not yours to see.',
        signInNeeded:
          'Open the console with the sign-in link you were given. Whoever runs Trafiklys makes a new one with:',
        signInCommand: 'npx trafiklys console link YOUR-E-MAIL',
      },
      languageName: 'English',
      boardRole: ({ role, board }) =>
        `${{ chair: 'chair', secretary: 'secretary', delegate: 'delegate' }[role]} of ${board}`,
      managerRole: {
        head_of_department: 'head of department',
        head_of_studies: 'head of studies',
        dean: 'dean',
        student_services: 'student services',
        quality_department: 'quality department',
      },
      signInRefused:
        'This sign-in link is not valid: it has expired, was changed, or names someone Trafiklys no longer knows.',
    },
  },

  errors: {
    somethingWentWrong: ({ contact, reference }) =>
      reference === null
        ? ['Something went wrong. Please try again, or contact ', contact, '.']
        : [
            'Something went wrong. Please try again, or contact ',
            contact,
            ' and quote the reference ',
            { kind: 'styled', text: reference, code: true },
            '.',
          ],
  },
};

export const en: LanguagePack = { format, messages: joinSections(core, procedureTexts('en', format)) };
