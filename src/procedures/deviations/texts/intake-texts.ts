import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** What was wrong with a length: the limit and what was written. */
interface Lengths {
  readonly max: number;
  readonly length: number;
}

/**
 * The intake's texts: the report form, its field errors, the ordinary
 * channels, the whistleblowing route, the receipt and `/avvik status`. A
 * checkbox's label says what is confirmed (the console shows it beside the
 * box); its box text (`…Box`, beside the box on Slack and Teams, at most 75
 * characters) says yes to it; the longer explanation is the field's hint.
 */
export interface IntakeTexts {
  /** The form's title (Slack shows at most 24 characters). */
  readonly formTitle: string;
  readonly formIntro: string;
  readonly submitLabel: string;
  readonly cancelLabel: string;
  /** The one button of a view that only tells (the route, the receipt). */
  readonly closeLabel: string;
  readonly okLabel: string;
  readonly placeholder: {
    readonly category: string;
    readonly unit: string;
    readonly whereWhen: string;
    readonly role: string;
    readonly seriousMatter: string;
  };
  readonly descriptionHint: string;
  readonly seriousMatterLabel: string;
  readonly seriousMatterAnswer: { readonly yes: string; readonly no: string };
  readonly ordinaryChannelsLabel: string;
  readonly ordinaryChannelsBox: string;
  readonly ordinaryChannelsHint: string;
  readonly problem: {
    readonly categoryMissing: string;
    readonly unitMissing: string;
    readonly unitUnknown: string;
    readonly whereWhenMissing: string;
    whereWhenTooLong(lengths: Lengths): string;
    readonly descriptionMissing: string;
    descriptionTooLong(lengths: Lengths): string;
    /** A CPR number or fødselsnummer in the text: it is not taken (the personal data rule). */
    readonly identityNumber: string;
    readonly roleMissing: string;
    readonly seriousMatterMissing: string;
    readonly ordinaryChannelsMissing: string;
  };
  /** Why the ordinary channels come first, shown instead of filing when the box is not ticked. */
  readonly channels: {
    readonly heading: string;
    readonly intro: string;
    /** One line per channel, each starting with a bullet. */
    readonly list: string;
    why(params: { readonly command: string }): string;
  };
  /** The whistleblowing route, shown instead of filing a serious matter. */
  readonly route: {
    /** The view's title when there is nothing to file (Slack: 24 characters). */
    readonly title: string;
    readonly heading: string;
    /** She answered yes: there is no filing path. */
    readonly becauseAnswer: string;
    /** Her words point that way: she may still file it as a deviation. */
    readonly becauseWords: string;
    readonly link: string;
    readonly contactsIntro: string;
    readonly confirmLabel: string;
    readonly confirmBox: string;
    readonly confirmHint: string;
  };
  readonly receipt: {
    readonly title: string;
    heading(params: { readonly number: string }): string;
    next(params: { readonly deadline: string }): string;
    status(params: { readonly command: string }): string;
  };
  readonly status: {
    /** What `/avvik status` does, in help. */
    readonly description: string;
    readonly heading: string;
    empty(params: { readonly command: string }): string;
    readonly numberColumn: string;
    /** In the deadline column of a case that is no longer open. */
    readonly noDeadline: string;
  };
  /** The platform did not tell the person's e-mail address: nothing can be filed or found in her name. */
  readonly noEmail: string;
  /** A report form whose state the bot cannot read (forged, or from an old version). */
  formOutdated(params: { readonly command: string }): string;
}

export const intakeTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => IntakeTexts>> = {
  nb: () => ({
    formTitle: 'Meld avvik',
    formIntro:
      'Meld fra om feil og mangler i et emne eller studieprogram som påvirker studie- og læringsmiljøet. Meldingen går først til fakultetets meldingsansvarlige.',
    submitLabel: 'Send',
    cancelLabel: 'Avbryt',
    closeLabel: 'Lukk',
    okLabel: 'OK',
    placeholder: {
      category: 'Velg kategori',
      unit: 'Søk etter studieprogram eller emne',
      whereWhen: 'For eksempel: auditorium R7, forelesningene på mandager',
      role: 'Velg rolle',
      seriousMatter: 'Velg ja eller nei',
    },
    descriptionHint:
      'Hva skjedde, og hvilke følger fikk det? Ikke skriv sensitive personopplysninger om andre.',
    seriousMatterLabel: 'Gjelder dette trakassering, mobbing, vold, trusler eller en annen alvorlig sak?',
    seriousMatterAnswer: { yes: 'Ja', no: 'Nei' },
    ordinaryChannelsLabel: 'Jeg har først prøvd de vanlige kanalene',
    ordinaryChannelsBox: 'Ja, jeg har prøvd dem',
    ordinaryChannelsHint:
      'Faglæreren, studenttillitsvalgt eller emnets referansegruppe; for ansatte: programrådet og evalueringsrapportene.',
    problem: {
      categoryMissing: 'Velg en kategori.',
      unitMissing: 'Velg studieprogram eller emne fra listen.',
      unitUnknown: 'Dette studieprogrammet eller emnet står ikke lenger i listen. Velg et annet.',
      whereWhenMissing: 'Skriv hvor og når det skjedde.',
      whereWhenTooLong: ({ max, length }) => `Skriv høyst ${max} tegn her (nå ${length}).`,
      descriptionMissing: 'Beskriv hva som er feil eller mangler.',
      descriptionTooLong: ({ max, length }) =>
        `Beskrivelsen kan ha høyst ${max} tegn, men har ${length}. Kort den ned.`,
      identityNumber:
        'Ikke skriv fødselsnummer eller personnummer her. Beskriv saken uten det, så kan behandleren be om det hvis det trengs.',
      roleMissing: 'Velg om du er student eller ansatt.',
      seriousMatterMissing: 'Svar ja eller nei.',
      ordinaryChannelsMissing: 'Kryss av når du har prøvd de vanlige kanalene.',
    },
    channels: {
      heading: 'Prøv de vanlige kanalene først',
      intro:
        'Avviksmeldinger er for feil og mangler som ikke blir løst på vanlig måte. Det meste løses raskest av dem som står nærmest:',
      list: '• faglæreren eller emneansvarlig\n• studenttillitsvalgt\n• emnets referansegruppe\n• for ansatte: programrådet og evalueringsrapportene',
      why: ({ command }) =>
        `De kjenner emnet, kan rette opp ting med en gang og ser om flere har opplevd det samme. Har du prøvd dem uten at saken ble løst, krysser du av nedenfor og sender meldingen. Ellers kan du lukke skjemaet og komme tilbake med ${command} senere.`,
    },
    route: {
      title: 'Varsling',
      heading: 'Dette hører hjemme i varslingskanalen',
      becauseAnswer:
        'Trakassering, seksuell trakassering, mobbing, vold, trusler og andre kritikkverdige forhold er ikke avvik. Meld fra i institusjonens varslingskanal, der saken behandles fortrolig. Ingenting av det du skrev, er lagret.',
      becauseWords:
        'Det du skrev, kan handle om trakassering, mobbing, vold, trusler eller et annet kritikkverdig forhold. Slike saker er ikke avvik: meld fra i varslingskanalen, der de behandles fortrolig. Ingenting er registrert ennå.',
      link: 'Gå til varslingskanalen',
      contactsIntro: 'Er du i tvil, kan du snakke med noen som har taushetsplikt:',
      confirmLabel: 'Saken gjelder ikke noe slikt',
      confirmBox: 'Ja, meld den som avvik',
      confirmHint: 'Kryss av og send på nytt hvis meldingen likevel er et avvik.',
    },
    receipt: {
      title: 'Avvik mottatt',
      heading: ({ number }) => `Takk! Avvik ${number} er mottatt`,
      next: ({ deadline }) =>
        `Meldingen går først til fakultetets meldingsansvarlige, som vurderer den og gir den til en behandler. Du skal ha svar senest ${deadline}, og du får melding her når saken endrer status.`,
      status: ({ command }) => `Se meldingene dine med ${command}.`,
    },
    status: {
      description: 'Se dine avviksmeldinger og hvor de står',
      heading: 'Dine avviksmeldinger',
      empty: ({ command }) => `Du har ikke meldt noen avvik. Skriv ${command} for å melde et.`,
      numberColumn: 'Nr.',
      noDeadline: '–',
    },
    noEmail:
      'Trafiklys kjenner ikke e-postadressen din, så meldingen kan ikke registreres på deg. Be administratoren om å koble kontoen din til e-postadressen din.',
    formOutdated: ({ command }) => `Dette skjemaet er utdatert. Lukk det og åpne et nytt med ${command}.`,
  }),
  da: () => ({
    formTitle: 'Indberet afvigelse',
    formIntro:
      'Meld fejl og mangler i et kursus eller en uddannelse, som påvirker studie- og læringsmiljøet. Indberetningen går først til fakultetets meldingsansvarlige.',
    submitLabel: 'Send',
    cancelLabel: 'Annullér',
    closeLabel: 'Luk',
    okLabel: 'OK',
    placeholder: {
      category: 'Vælg kategori',
      unit: 'Søg efter uddannelse eller kursus',
      whereWhen: 'For eksempel: auditorium R7, forelæsningerne om mandagen',
      role: 'Vælg rolle',
      seriousMatter: 'Vælg ja eller nej',
    },
    descriptionHint:
      'Hvad skete der, og hvilke følger fik det? Skriv ikke følsomme personoplysninger om andre.',
    seriousMatterLabel: 'Handler det om chikane, mobning, vold, trusler eller en anden alvorlig sag?',
    seriousMatterAnswer: { yes: 'Ja', no: 'Nej' },
    ordinaryChannelsLabel: 'Jeg har først prøvet de almindelige kanaler',
    ordinaryChannelsBox: 'Ja, jeg har prøvet dem',
    ordinaryChannelsHint:
      'Underviseren, studenterrepræsentanten eller kursets referencegruppe; for medarbejdere: uddannelsesrådet og evalueringsrapporterne.',
    problem: {
      categoryMissing: 'Vælg en kategori.',
      unitMissing: 'Vælg uddannelse eller kursus på listen.',
      unitUnknown: 'Denne uddannelse eller dette kursus står ikke længere på listen. Vælg en anden.',
      whereWhenMissing: 'Skriv, hvor og hvornår det skete.',
      whereWhenTooLong: ({ max, length }) => `Skriv højst ${max} tegn her (nu ${length}).`,
      descriptionMissing: 'Beskriv, hvad der er fejl eller mangler.',
      descriptionTooLong: ({ max, length }) =>
        `Beskrivelsen må højst have ${max} tegn, men har ${length}. Gør den kortere.`,
      identityNumber:
        'Skriv ikke CPR-nummer eller andre personnumre her. Beskriv sagen uden, så kan sagsbehandleren bede om det, hvis der er brug for det.',
      roleMissing: 'Vælg, om du er studerende eller medarbejder.',
      seriousMatterMissing: 'Svar ja eller nej.',
      ordinaryChannelsMissing: 'Sæt kryds, når du har prøvet de almindelige kanaler.',
    },
    channels: {
      heading: 'Prøv de almindelige kanaler først',
      intro:
        'Indberetninger er til fejl og mangler, som ikke bliver løst på almindelig vis. Det meste løses hurtigst af dem, der er tættest på:',
      list: '• underviseren eller kursusansvarlig\n• studenterrepræsentanten\n• kursets referencegruppe\n• for medarbejdere: uddannelsesrådet og evalueringsrapporterne',
      why: ({ command }) =>
        `De kender kurset, kan rette op på tingene med det samme og ser, om andre har oplevet det samme. Har du prøvet dem, uden at sagen blev løst, så sæt kryds nedenfor og send indberetningen. Ellers kan du lukke formularen og vende tilbage med ${command} senere.`,
    },
    route: {
      title: 'Whistleblowing',
      heading: 'Dette hører til whistleblowerordningen',
      becauseAnswer:
        'Chikane, seksuel chikane, mobning, vold, trusler og andre kritisable forhold er ikke afvigelser. Meld dem i institutionens whistleblowerordning, hvor sagen behandles fortroligt. Intet af det, du skrev, er gemt.',
      becauseWords:
        'Det, du skrev, kan handle om chikane, mobning, vold, trusler eller et andet kritisabelt forhold. Sådanne sager er ikke afvigelser: meld dem i whistleblowerordningen, hvor de behandles fortroligt. Intet er registreret endnu.',
      link: 'Gå til whistleblowerordningen',
      contactsIntro: 'Er du i tvivl, kan du tale med en, der har tavshedspligt:',
      confirmLabel: 'Sagen handler ikke om noget sådant',
      confirmBox: 'Ja, indberet den som afvigelse',
      confirmHint: 'Sæt kryds og send igen, hvis indberetningen alligevel er en afvigelse.',
    },
    receipt: {
      title: 'Afvigelse modtaget',
      heading: ({ number }) => `Tak! Afvigelse ${number} er modtaget`,
      next: ({ deadline }) =>
        `Indberetningen går først til fakultetets meldingsansvarlige, som vurderer den og giver den til en sagsbehandler. Du skal have svar senest ${deadline}, og du får besked her, når sagen skifter status.`,
      status: ({ command }) => `Se dine indberetninger med ${command}.`,
    },
    status: {
      description: 'Se dine egne indberetninger og deres status',
      heading: 'Dine indberetninger',
      empty: ({ command }) =>
        `Du har ikke indberettet nogen afvigelser. Skriv ${command} for at indberette en.`,
      numberColumn: 'Nr.',
      noDeadline: '–',
    },
    noEmail:
      'Trafiklys kender ikke din e-mailadresse, så indberetningen kan ikke registreres på dig. Bed administratoren om at knytte din konto til din e-mailadresse.',
    formOutdated: ({ command }) => `Denne formular er forældet. Luk den, og åbn en ny med ${command}.`,
  }),
  en: () => ({
    formTitle: 'Report a deviation',
    formIntro:
      'Report faults and shortcomings in a course or programme that affect the study and learning environment. Your report goes first to the faculty’s report owners.',
    submitLabel: 'Submit',
    cancelLabel: 'Cancel',
    closeLabel: 'Close',
    okLabel: 'OK',
    placeholder: {
      category: 'Choose a category',
      unit: 'Search for a programme or course',
      whereWhen: 'For example: lecture hall R7, the Monday lectures',
      role: 'Choose a role',
      seriousMatter: 'Choose yes or no',
    },
    descriptionHint:
      'What happened, and what did it lead to? Do not write sensitive personal data about others.',
    seriousMatterLabel: 'Is this about harassment, bullying, violence, threats or another serious matter?',
    seriousMatterAnswer: { yes: 'Yes', no: 'No' },
    ordinaryChannelsLabel: 'I have first tried the ordinary channels',
    ordinaryChannelsBox: 'Yes, I have tried them',
    ordinaryChannelsHint:
      'The teacher, the student representative or the course’s reference group; for staff: the programme council and the evaluation reports.',
    problem: {
      categoryMissing: 'Choose a category.',
      unitMissing: 'Choose a programme or course from the list.',
      unitUnknown: 'This programme or course is no longer in the list. Choose another.',
      whereWhenMissing: 'Say where and when it happened.',
      whereWhenTooLong: ({ max, length }) => `Write at most ${max} characters here (now ${length}).`,
      descriptionMissing: 'Describe what is wrong or missing.',
      descriptionTooLong: ({ max, length }) =>
        `The description can have at most ${max} characters but has ${length}. Please shorten it.`,
      identityNumber:
        'Please leave out national identity numbers (CPR, fødselsnummer). Describe the matter without them; the handler can ask if one is needed.',
      roleMissing: 'Choose whether you are a student or an employee.',
      seriousMatterMissing: 'Answer yes or no.',
      ordinaryChannelsMissing: 'Tick this when you have tried the ordinary channels.',
    },
    channels: {
      heading: 'Try the ordinary channels first',
      intro:
        'Deviation reports are for faults and shortcomings that are not solved the ordinary way. Most things are solved fastest by those closest to them:',
      list: '• the teacher or the course coordinator\n• the student representative\n• the course’s reference group\n• for staff: the programme council and the evaluation reports',
      why: ({ command }) =>
        `They know the course, can put things right at once and can tell whether others have had the same experience. If you have tried them and it was not solved, tick the box below and submit your report. Otherwise close the form and come back with ${command} later.`,
    },
    route: {
      title: 'Whistleblowing',
      heading: 'This belongs on the whistleblowing route',
      becauseAnswer:
        'Harassment, sexual harassment, bullying, violence, threats and other censurable matters are not deviations. Report them through the institution’s whistleblowing route, where they are handled in confidence. Nothing of what you wrote has been stored.',
      becauseWords:
        'What you wrote may be about harassment, bullying, violence, threats or another censurable matter. Such matters are not deviations: report them through the whistleblowing route, where they are handled in confidence. Nothing has been filed yet.',
      link: 'Go to the whistleblowing route',
      contactsIntro: 'If you are in doubt, you can talk to someone with a duty of confidentiality:',
      confirmLabel: 'This is not about such a matter',
      confirmBox: 'Yes, file it as a deviation',
      confirmHint: 'Tick the box and submit again if your report is a deviation after all.',
    },
    receipt: {
      title: 'Deviation received',
      heading: ({ number }) => `Thank you: deviation ${number} has been received`,
      next: ({ deadline }) =>
        `It goes first to the faculty’s report owners, who assess it and pass it to a handler. You should have an answer by ${deadline}, and you will be told here whenever its status changes.`,
      status: ({ command }) => `See your reports with ${command}.`,
    },
    status: {
      description: 'See your own deviation reports and where they stand',
      heading: 'Your deviation reports',
      empty: ({ command }) => `You have not reported any deviations. Type ${command} to report one.`,
      numberColumn: 'No.',
      noDeadline: '–',
    },
    noEmail:
      'Trafiklys does not know your e-mail address, so a report cannot be filed in your name. Ask your administrator to link your account to your e-mail address.',
    formOutdated: ({ command }) => `This form is out of date. Close it and open a new one with ${command}.`,
  }),
};
