import { describe, expect, it } from 'vitest';
import { type MailStudent, MailTemplates } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { aStudent, configWithMail } from './mail-config.js';

describe('values in the HTML body are text, never markup', () => {
  const guidance = `mail:
  guidanceServices:
    - name: "<script>alert(1)</script>"
      description: 'Say "hi" & <i>more</i>'
`;
  const dat = MailTemplates.fromConfig(configWithMail(guidance)).forBoard('SN-DAT');

  it('a student named <b>Ø</b> & co stays literal in the HTML and as written in the text', () => {
    const mail = dat.compose('red', aStudent({ name: '<b>Ø</b> & co', programmeName: 'R&D <Lab>' }));

    expect(mail.html).toContain('Kære &lt;b&gt;Ø&lt;/b&gt; &amp; co</p>');
    expect(mail.html).toContain('bagud på R&amp;D &lt;Lab&gt;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).not.toContain('<Lab>');
    expect(mail.text).toMatch(/^Kære <b>Ø<\/b> & co\n/);
    expect(mail.subject).toBe('Tilbud om en personlig samtale om dit studie');
  });

  it('configured texts are escaped too, inside the required parts', () => {
    const mail = dat.compose('yellow', aStudent());

    expect(mail.html).toContain('<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>');
    expect(mail.html).toContain('Say &quot;hi&quot; &amp; &lt;i&gt;more&lt;/i&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('a line break in a name does not reach the subject line', () => {
    const mail = dat.compose('yellow', aStudent({ programmeName: 'Computer\r\nBcc: everyone@example.com' }));

    expect(mail.subject).toBe('Vejledning til dig på Computer Bcc: everyone@example.com');
  });
});

describe('a mail knows only what it needs of the student', () => {
  it('a CPR number or e-mail address on the object passed in reaches no part of the mail', () => {
    const reviewRow = {
      ...aStudent({ name: 'Sofie Jensen' }),
      cpr: '010203-1234',
      nationalId: '0102031234',
      email: 'sofie@student.test.example',
    };
    const student: MailStudent = reviewRow;
    const dat = MailTemplates.fromConfig(configWithMail()).forBoard('SN-DAT');

    for (const template of ['yellow', 'red'] as const) {
      for (const language of ['da', 'en'] as const) {
        const mail = dat.compose(template, { ...student, language });
        const everything = `${mail.subject}\n${mail.text}\n${mail.html}`;
        expect(everything).toContain('Sofie Jensen');
        expect(everything).not.toMatch(/010203|0102031234|sofie@student/);
      }
    }
  });

  it('the teaching language alone picks the language: a Danish board writes English to a student taught in English', () => {
    const dat = MailTemplates.fromConfig(configWithMail()).forBoard('SN-DAT');

    expect(dat.compose('red', aStudent({ language: 'en' })).text).toMatch(/^Dear /);
    expect(dat.compose('red', aStudent({ language: 'da' })).text).toMatch(/^Kære /);
  });
});

describe('boards', () => {
  it('a board the configuration does not have is refused with a stable code', () => {
    const templates = MailTemplates.fromConfig(configWithMail());
    expect(() => templates.forBoard('SN-NONE')).toThrow(
      expect.objectContaining({
        code: 'mail.unknown_board',
        message: '"SN-NONE" is not a study board of the configuration',
      }),
    );
  });

  it('a board’s templates are made once: every call gives the same, and each board renders its own chair', () => {
    const templates = MailTemplates.fromConfig(configWithMail());

    expect(templates.forBoard('SN-DAT')).toBe(templates.forBoard('SN-DAT'));
    expect(templates.forBoard('SN-DAT').compose('red', aStudent()).text).toContain('chair@test.example');
    expect(templates.forBoard('SN-HIST').compose('red', aStudent()).text).toContain('hist@test.example');
    expect(templates.forBoard('SN-HIST').compose('red', aStudent()).text).not.toContain('chair@test.example');
    const dat = templates.forBoard('SN-DAT');
    expect(dat.compose('red', aStudent({ name: 'Ann' })).html).toContain('Kære Ann</p>');
    expect(dat.compose('red', aStudent({ name: 'Bo', ectsBehind: 30 })).html).toContain('Kære Bo</p>');
    expect(dat.compose('red', aStudent({ name: 'Bo', ectsBehind: 30 })).text).toContain(
      'du mangler 30 ECTS-point',
    );
  });

  it('a board’s name is written in the mail’s language where the configuration gives it', () => {
    const config = configWithMail();
    const bilingual = {
      ...config,
      boards: config.boards.map((board) =>
        board.code === 'SN-DAT'
          ? { ...board, names: { da: 'Studienævn for Datalogi', en: 'Study Board of Computer Science' } }
          : board,
      ),
    };
    const dat = MailTemplates.fromConfig(bilingual).forBoard('SN-DAT');

    expect(dat.compose('yellow', aStudent({ language: 'da' })).text).toContain(
      'formand for dit studienævn (Studienævn for Datalogi)',
    );
    expect(dat.compose('yellow', aStudent({ language: 'en' })).text).toContain(
      'chair of your study board (Study Board of Computer Science)',
    );
  });

  it('an institution speaking Bokmål (language: nb) still writes the § 31 letters in the teaching language, Danish or English, with the board’s name in that language', () => {
    const config = configWithMail();
    const norwegian = {
      ...config,
      institution: { ...config.institution, language: 'nb' as const },
      boards: config.boards.map((board) =>
        board.code === 'SN-DAT'
          ? {
              ...board,
              name: 'Studieutvalg for informatikk',
              names: {
                nb: 'Studieutvalg for informatikk',
                da: 'Studienævn for Datalogi',
                en: 'Study Board of Computer Science',
              },
            }
          : { ...board, name: 'Studieutvalg for historie', names: { nb: 'Studieutvalg for historie' } },
      ),
    };
    const templates = MailTemplates.fromConfig(norwegian);
    const danish = templates.forBoard('SN-DAT').compose('yellow', aStudent({ language: 'da' }));
    const english = templates.forBoard('SN-DAT').compose('yellow', aStudent({ language: 'en' }));

    expect(danish.text).toMatch(/^Kære /);
    expect(danish.text).toContain('formand for dit studienævn (Studienævn for Datalogi)');
    expect(english.text).toMatch(/^Dear /);
    expect(english.text).toContain('chair of your study board (Study Board of Computer Science)');
    // A board named in Bokmål only keeps that name: the letter is still the Danish one.
    expect(templates.forBoard('SN-HIST').compose('red', aStudent({ language: 'da' })).text).toMatch(/^Kære /);
    expect(templates.forBoard('SN-HIST').compose('yellow', aStudent({ language: 'da' })).text).toContain(
      '(Studieutvalg for historie)',
    );
  });
});
