import type { LocaleFormat } from '../../../../i18n/locale-format.js';
import type { HandlingTexts } from '../handling-texts.js';

/** The handling part in English; values are quoted “…” as elsewhere in the English catalogue. */
export function handlingTextsEn(format: LocaleFormat): HandlingTexts {
  const { number } = format;
  return {
    caseCommandDescription: 'Show a deviation case with its history, for example “case 2026-0042”',
    caseNumberMissing: ({ example }) => `Write the case number after the command, for example “${example}”.`,
    view: {
      title: 'Deviation case',
      doneLabel: 'Done',
      closeLabel: 'Close',
      tabCase: 'The case',
      tabExchanges: (count) => `Questions and comments (${number(count)})`,
      tabHistory: (count) => `History (${number(count)})`,
      pageStatus: ({ page, pages }) => `Page ${number(page)} of ${number(pages)}`,
      previous: 'Previous',
      next: 'Next',
      sensitiveMark: 'Marked: the case contains sensitive personal data.',
      preliminaryReplySent: 'Preliminary reply sent',
      closedAt: 'Closed',
      causes: 'Causes',
      measures: 'Measures',
      outcome: 'Outcome',
      reason: 'Reason',
      notRecorded: 'Not recorded yet.',
      viewOnly: ({ handler }) =>
        `${handler} is handling the case. You can see it, but only the handler can handle it.`,
      noExchanges: 'No questions to the reporter and no requests for comments yet.',
      question: ({ askedBy, reporter, at }) => `Question from ${askedBy} to ${reporter}, ${at}`,
      commentRequest: ({ askedBy, colleague, at, due }) =>
        `Request for comments from ${askedBy} to ${colleague}, ${at}, due ${due}`,
      answer: ({ at }) => `Answer, ${at}`,
      notAnswered: 'Not answered yet.',
      preliminaryReply: ({ handler, reporter, at }) =>
        `Preliminary reply from ${handler} to ${reporter}, ${at}`,
    },
    actions: {
      ask: 'Ask the reporter',
      comments: 'Send for comments',
      preliminaryReply: 'Send a preliminary reply',
      causes: 'Causes and measures',
      close: 'Close the case',
      openCase: 'Open the case',
      answer: 'Answer',
      comment: 'Comment',
      send: 'Send',
      cancel: 'Cancel',
    },
    history: {
      filed: 'reported the deviation',
      forwarded: ({ from, to }) =>
        `forwarded the case${from === null ? '' : ` from ${from}`}${to === null ? '' : ` to ${to}`}`,
      accepted: 'accepted the report as a deviation',
      assigned: ({ handler }) =>
        handler === null ? 'assigned the case to a handler' : `assigned the case to ${handler}`,
      asked: 'asked the reporter a question',
      answered: 'answered the question',
      sentForComments: ({ colleagues, due }) =>
        `sent the case for comments${colleagues === null ? '' : ` to ${colleagues}`}${due === null ? '' : `, due ${due}`}`,
      commented: 'gave their comments',
      preliminaryReply: 'sent the reporter a preliminary reply',
      causesRecorded: 'recorded causes and measures',
      closed: 'closed the case and sent the outcome to the reporter',
      rejected: 'rejected the report, with the reason sent to the reporter',
      redirected: 'redirected the case to the whistleblowing route',
      flaggedSensitive: 'marked the case as sensitive',
      unflaggedSensitive: 'removed the sensitive mark',
      reminded: 'reminded the handler to send a preliminary reply',
      escalated: 'told the line manager that the deadline has passed',
      textRemoved: 'removed the report’s text under the retention rule',
    },
    forms: {
      ask: {
        title: 'Ask the reporter',
        label: 'Your question',
        hint: 'The reporter gets the question from Trafiklys with your name, and the answer comes back to you.',
      },
      answer: {
        title: 'Answer a question',
        intro: ({ handler, number }) => `${handler} has a question about deviation ${number}:`,
        label: 'Your answer',
      },
      comments: {
        title: 'Send for comments',
        intro:
          'The colleagues get the case, without the reporter’s name, and your question. Their comments come to you only.',
        colleaguesLabel: 'Colleagues (e-mail addresses)',
        colleaguesHint: 'One address a line, or separated by commas.',
        questionLabel: 'What would you like comments on?',
        dueDateLabel: 'Comments due',
        shareTextLabel: 'The colleagues may read the report’s text',
        shareTextHint:
          'The case contains sensitive personal data. Unticked, the colleagues see only the facts and your question.',
      },
      comment: {
        title: 'Your comments',
        intro: ({ handler, number, due }) =>
          `${handler} asks for your comments on deviation ${number} by ${due}:`,
        label: 'Your comments',
      },
      preliminaryReply: {
        title: 'Preliminary reply',
        intro:
          'When handling takes disproportionately long, the reporter is owed a preliminary reply saying why and when an answer can be expected (Norwegian Public Administration Act § 11a).',
        label: 'Reply to the reporter',
      },
      causes: {
        title: 'Causes and measures',
        intro: 'What you write replaces what was recorded before; each time is kept in the history.',
        causesLabel: 'Causes',
        measuresLabel: 'Measures',
      },
      close: {
        title: 'Close the case',
        intro: 'Recorded in the case:',
        noCausesRecorded: 'No causes or measures are recorded.',
        outcomeLabel: 'Outcome',
        outcomeHint: 'The outcome is sent to the reporter as you write it.',
      },
      done: { title: 'Thank you', okLabel: 'OK' },
    },
    errors: {
      required: 'Write something here.',
      tooLong: ({ max, length }) =>
        `The text has ${number(length)} characters; at most ${number(max)} are allowed. Please shorten it.`,
      personalNumber:
        'The text seems to contain a personal identity number. Remove it: such numbers must not be sent in chat.',
      causesOrMeasures: 'Write causes, measures or both.',
      noColleagues: 'Write at least one e-mail address.',
      notAnAddress: (address) => `“${address}” is not an e-mail address.`,
      unknownPerson: (address) =>
        `Nobody with the address ${address} is on Slack, Teams or the console, so Trafiklys cannot reach them.`,
      notYourself: 'You cannot send the case for comments to yourself.',
      notTheReporter: (address) =>
        `${address} is the reporter. Comments are internal; use “Ask the reporter” instead.`,
      tooManyColleagues: (max) => `At most ${number(max)} colleagues a request.`,
      dueDateMissing: 'Choose the date the comments are due.',
      dueDatePast: 'The due date cannot be before today.',
      alreadyAnswered: 'This has already been answered.',
    },
    notices: {
      asked: ({ reporter }) => `The question was sent to ${reporter}.`,
      sentForComments: ({ colleagues }) => `The case was sent for comments to ${colleagues}.`,
      preliminaryReplySent: 'The preliminary reply was sent to the reporter.',
      causesRecorded: 'Causes and measures are recorded.',
      closed: 'The case is closed, and the outcome was sent to the reporter.',
      alreadyDone: 'This was already sent; the form was submitted twice.',
      unreachable: ({ people }) =>
        `Trafiklys could not reach ${people} in chat just now. It is kept with the case; let them know another way.`,
      answerSent: 'Your answer was sent to the handler.',
      answerSaved: 'Your answer is kept with the case, but the handler could not be told just now.',
      commentSent: 'Your comments were sent to the handler.',
      commentSaved: 'Your comments are kept with the case, but the handler could not be told just now.',
    },
    messages: {
      question: ({ handler, number }) =>
        `${handler}, who is handling deviation ${number}, has a question for you:`,
      questionNote: 'Your answer goes to the handler of the case.',
      answered: ({ reporter, number }) => `${reporter} answered your question about deviation ${number}.`,
      theQuestion: 'The question',
      theAnswer: 'The answer',
      commentRequestTitle: ({ number }) => `Comments wanted: deviation ${number}`,
      commentRequest: ({ handler, due }) => `${handler} asks for your comments by ${due}.`,
      commentRequestNote:
        'Your comments go to the handler only. The case is internal; please do not pass it on.',
      commentRequestWithdrawn: ({ number, handler }) =>
        `${handler} has closed deviation ${number}. The request for comments is over; no comment is needed.`,
      commented: ({ colleague, number }) => `${colleague} gave comments on deviation ${number}.`,
      theRequest: 'The request',
      theComment: 'The comments',
      preliminaryReply: ({ number }) => `A preliminary reply about your deviation ${number}:`,
      preliminaryReplyNote: 'The case is still being handled. You will be told when it is closed.',
      closed: ({ number }) => `Your deviation ${number} has been handled and closed. The outcome:`,
      closedNote: 'Thank you for reporting it.',
      assigned: ({ deadline }) =>
        `You are the handler of this deviation. The deadline for a reply is ${deadline}.`,
      assignedNote:
        'If handling takes long, send the reporter a preliminary reply (Public Administration Act § 11a).',
    },
  };
}
