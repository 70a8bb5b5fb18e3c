import { describe, expect, it } from 'vitest';
import { compileMailPart } from '../../../../src/procedures/at-risk/mail/compile-mail-template.js';
import { mailParts, mailTemplateNames } from '../../../../src/procedures/at-risk/mail/mail-placeholders.js';
import { MailTemplates, type StudentMail } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { defaultTemplates } from '../../../../src/procedures/at-risk/mail/templates/library.js';
import { aStudent, configWithMail, guidanceMail } from './mail-config.js';

const templates = MailTemplates.fromConfig(configWithMail(guidanceMail));
const dat = templates.forBoard('SN-DAT');

/** What no rendered mail may still hold: Liquid syntax, or a value JavaScript had no text for. */
function expectFullyRendered(mail: StudentMail): void {
  for (const part of [mail.subject, mail.text, mail.html]) {
    expect(part).not.toMatch(/\{\{|\{%|%\}|\}\}|undefined|null|NaN|\[object/);
  }
}

describe('the default templates pass the checks an override must pass', () => {
  it.each(
    mailTemplateNames.flatMap((template) =>
      (['da', 'en'] as const).flatMap((language) => mailParts.map((part) => ({ template, language, part }))),
    ),
  )('the default $template/$language $part', ({ template, language, part }) => {
    const result = compileMailPart(defaultTemplates[template][language][part], {
      template,
      language,
      part,
      scope: 'library',
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('the yellow mail (§ 31 stk. 1): information on guidance and the right to special guidance', () => {
  it('in Danish, for a student taught in Danish, with every placeholder filled', () => {
    const mail = dat.compose('yellow', aStudent({ language: 'da' }));

    expect(mail).toMatchObject({ template: 'yellow', language: 'da' });
    expect(mail.subject).toBe('Vejledning til dig på BSc Computer Science');
    expect(mail.text).toMatch(/^Kære Sofie Jensen\n\nEfter hver eksamensperiode skriver vi/);
    expect(mail.text).toContain('du mangler 20 ECTS-point i forhold til studieplanen');
    // § 31 stk. 1: the right to special guidance, in student services' words.
    expect(mail.text).toContain(
      'Din ret til særlig vejledning: Studerende, der er mere end 6 måneder forsinket i deres uddannelse, har ret til særlig vejledning, som skal støtte dem i at gennemføre uddannelsen (uddannelsesbekendtgørelsen § 31, stk. 1).',
    );
    // The guidance available, from the configured list, in Danish.
    expect(mail.text).toContain(
      'Her kan du få hjælp:\n\n- Studievejledningen: Vejledning om studieplaner og trivsel\n  https://vejledning.test.example/\n  vejledning@test.example\n- Studenterpræsterne\n',
    );
    expect(mail.text).toContain(
      'skrive til Mette Hansen, formand for dit studienævn (Computer Science), på chair@test.example.',
    );
    expect(mail.text).toMatch(/Venlig hilsen\nMette Hansen\nFormand, Computer Science\nTest University\n$/);
    expect(mail.text).not.toContain('samtale');
    expectFullyRendered(mail);
  });

  it('in English, for a student taught in English', () => {
    const mail = dat.compose('yellow', aStudent({ language: 'en' }));

    expect(mail.language).toBe('en');
    expect(mail.subject).toBe('Guidance for you in BSc Computer Science');
    expect(mail.text).toMatch(/^Dear Sofie Jensen\n\nAfter every exam period we write/);
    expect(mail.text).toContain('you are 20 ECTS credits behind your study plan');
    expect(mail.text).toContain(
      'Your right to special guidance: students who are more than 6 months behind in their programme have the right to special guidance that supports them in completing it (section 31(1) of the Danish University Programme Order, uddannelsesbekendtgørelsen).',
    );
    expect(mail.text).toContain('- Student Guidance: Guidance on study plans and well-being\n');
    expect(mail.text).toContain(
      'write to Mette Hansen, chair of your study board (Computer Science), at chair@test.example.',
    );
    expect(mail.text).toMatch(/Kind regards\nMette Hansen\nChair, Computer Science\nTest University\n$/);
    expectFullyRendered(mail);
  });

  it('the HTML body says the same, in a document of the mail’s language titled by its subject', () => {
    for (const language of ['da', 'en'] as const) {
      const mail = dat.compose('yellow', aStudent({ language }));
      expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${language}">`));
      expect(mail.html).toContain(`<title>${mail.subject}</title>`);
      expect(mail.html).toContain('<a href="mailto:chair@test.example"');
      expect(mail.html).toContain('<a href="https://vejledning.test.example/"');
      expect(mail.html).toContain(language === 'da' ? '§ 31, stk. 1' : 'section 31(1)');
      expectFullyRendered(mail);
    }
  });
});

describe('the red mail (§ 31 stk. 2): an offer of an individual meeting', () => {
  it('in Danish: the rights, the meeting with the chair and the booking link', () => {
    const mail = dat.compose('red', aStudent({ language: 'da' }));

    expect(mail.subject).toBe('Tilbud om en personlig samtale om dit studie');
    expect(mail.text).toContain(
      'du mangler 20 ECTS-point i forhold til studieplanen, hvilket svarer til en forsinkelse på omkring 4 måneder.',
    );
    expect(mail.text).toContain(
      'Er forsinkelsen mere end 12 måneder, skal universitetet kontakte den studerende og tilbyde særlig vejledning, hvor indhold og tidspunkt tilrettelægges efter den studerendes behov (uddannelsesbekendtgørelsen § 31, stk. 1 og 2).',
    );
    expect(mail.text).toContain(
      'Vi vil gerne invitere dig til en personlig samtale med Mette Hansen, formand for dit studienævn (Computer Science).',
    );
    expect(mail.text).toContain('Book en tid her: https://booking.test.example/studievejledning\n');
    expect(mail.text).toContain('skrive til Mette Hansen, formand for dit studienævn (Computer Science), på');
    expectFullyRendered(mail);
  });

  it('in English', () => {
    const mail = dat.compose('red', aStudent({ language: 'en' }));

    expect(mail.subject).toBe('An offer of a personal meeting about your studies');
    expect(mail.text).toContain('you are 20 ECTS credits behind your study plan, a delay of about 4 months.');
    expect(mail.text).toContain('section 31(1) and (2) of the Danish University Programme Order');
    expect(mail.text).toContain(
      'We would like to invite you to a personal meeting with Mette Hansen, chair of your study board (Computer Science).',
    );
    expect(mail.text).toContain('Book a time here: https://booking.test.example/studievejledning\n');
    expectFullyRendered(mail);
  });

  it('the HTML body books the meeting with a link whose text says what it does', () => {
    const mail = dat.compose('red', aStudent({ language: 'en' }));
    expect(mail.html).toMatch(
      /<a href="https:\/\/booking\.test\.example\/studievejledning" style="[^"]*">Book a time for the meeting<\/a>/,
    );
    expect(mail.html).toContain('<html lang="en">');
  });
});

describe('what the data may lack', () => {
  const sparse = MailTemplates.fromConfig(configWithMail()).forBoard('SN-HIST');

  it('without a booking link, the red mail asks the student to write to the chair for a time', () => {
    const danish = sparse.compose('red', aStudent({ language: 'da' }));
    const english = sparse.compose('red', aStudent({ language: 'en' }));

    expect(danish.text).toContain('Skriv til hist@test.example, så finder vi et tidspunkt sammen.');
    expect(english.text).toContain('Write to hist@test.example and we will find a time together.');
    expect(english.html).toContain('Write to <a href="mailto:hist@test.example"');
  });

  it('without a chair’s name, the mail names the office and is signed by the board', () => {
    const mail = sparse.compose('red', aStudent({ language: 'en' }));

    expect(mail.text).toContain('a personal meeting with the chair of your study board (History).');
    expect(mail.text).toMatch(/Kind regards\nHistory\nTest University\n$/);
  });

  it('without guidance services, the yellow mail still says guidance is there and how to get it', () => {
    const mail = sparse.compose('yellow', aStudent({ language: 'da' }));

    expect(mail.text).toContain(
      'Du kan altid få vejledning, hvis du er i tvivl om din studieplan, vil tale om din situation eller gerne vil vide, hvilke muligheder du har. Skriv til os, så hjælper vi dig videre til den rette vejledning.',
    );
    expect(mail.html).not.toContain('<ul');
  });

  it('without the figures, the mail leaves them out instead of printing a gap', () => {
    const mail = sparse.compose('red', aStudent({ language: 'da', ectsBehind: null, delayMonths: null }));

    expect(mail.text).toContain('er en del bagud på BSc Computer Science. Vi ved, at der kan ligge');
    expectFullyRendered(mail);
  });
});

describe('figures in the mail’s language', () => {
  it('a decimal is written with a comma in Danish and a point in English, a delay to one decimal', () => {
    const student = { ectsBehind: 17.5, delayMonths: 3.5 };
    expect(dat.compose('red', aStudent({ ...student, language: 'da' })).text).toContain(
      'du mangler 17,5 ECTS-point i forhold til studieplanen, hvilket svarer til en forsinkelse på omkring 3,5 måneder.',
    );
    expect(dat.compose('red', aStudent({ ...student, language: 'en' })).text).toContain(
      'you are 17.5 ECTS credits behind your study plan, a delay of about 3.5 months.',
    );
  });

  it('one month is singular', () => {
    const student = aStudent({ ectsBehind: 5, delayMonths: 1 });
    expect(dat.compose('red', student).text).toContain('en forsinkelse på omkring 1 måned.');
    expect(dat.compose('red', { ...student, language: 'en' }).text).toContain('a delay of about 1 month.');
  });
});
