import { describe, expect, it } from 'vitest';
import { MailTemplates } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { aStudent, configWithMail } from './mail-config.js';

// SN-DAT lies in department CS; SN-HIST has no department.
const overrides = `mail:
  bookingLink: https://booking.test.example/all
  boards:
    SN-HIST: { bookingLink: https://booking.test.example/history }
  overrides:
    - scope: institution
      template: red
      language: da
      subject: "Institutionen: samtale for {{ student.name }}"
      text: |
        Institutionens tekst til {{ student.name }}.

        {{ rights }}

        {{ meetingOffer }}

        {{ contact }}
    - scope: { department: CS }
      template: red
      language: da
      text: |
        Institut for Datalogi skriver til {{ student.name }}.

        {{ rights }}

        {{ meetingOffer }}

        {{ contact }}
    - scope: { board: SN-DAT }
      template: red
      language: da
      subject: "Datalogi: samtale for {{ student.name }}"
`;

const templates = MailTemplates.fromConfig(configWithMail(overrides));
const student = aStudent({ name: 'Sofie Jensen', language: 'da' });

describe('a part is taken from the board, else its department, else the institution, else the library', () => {
  it('a board in a department: the board’s subject, the department’s text, the library’s HTML', () => {
    const dat = templates.forBoard('SN-DAT');
    const mail = dat.compose('red', student);

    expect(mail.subject).toBe('Datalogi: samtale for Sofie Jensen');
    expect(mail.text).toMatch(
      /^Institut for Datalogi skriver til Sofie Jensen\.\n\nDin ret til særlig vejledning:/,
    );
    expect(mail.html).toContain('<p style="margin:0 0 16px 0;">Kære Sofie Jensen</p>');
    expect(dat.partSources('red', 'da')).toEqual({
      subject: { board: 'SN-DAT' },
      text: { department: 'CS' },
      html: 'library',
    });
  });

  it('a board without a department: the institution’s subject and text, the library’s HTML', () => {
    const history = templates.forBoard('SN-HIST');
    const mail = history.compose('red', student);

    expect(mail.subject).toBe('Institutionen: samtale for Sofie Jensen');
    expect(mail.text).toMatch(/^Institutionens tekst til Sofie Jensen\./);
    expect(history.partSources('red', 'da')).toEqual({
      subject: 'institution',
      text: 'institution',
      html: 'library',
    });
  });

  it('an override of one language and template leaves the others at the library’s', () => {
    const dat = templates.forBoard('SN-DAT');

    expect(dat.partSources('red', 'en')).toEqual({ subject: 'library', text: 'library', html: 'library' });
    expect(dat.partSources('yellow', 'da')).toEqual({ subject: 'library', text: 'library', html: 'library' });
    expect(dat.compose('red', { ...student, language: 'en' }).subject).toBe(
      'An offer of a personal meeting about your studies',
    );
  });

  it('an override writes around the required parts; their wording stays the library’s', () => {
    const text = templates.forBoard('SN-DAT').compose('red', student).text;

    expect(text).toContain(
      '(uddannelsesbekendtgørelsen § 31, stk. 1 og 2). Det tilbud giver vi dig med denne mail.',
    );
    expect(text).toContain('Vi vil gerne invitere dig til en personlig samtale med Mette Hansen');
    expect(text).toContain('Book en tid her: https://booking.test.example/all\n');
  });

  it('a board’s own booking link wins over the institution’s', () => {
    const mail = templates.forBoard('SN-HIST').compose('red', student);

    expect(mail.text).toContain('Book en tid her: https://booking.test.example/history\n');
    expect(mail.html).toContain('href="https://booking.test.example/history"');
  });
});
