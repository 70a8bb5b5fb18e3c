import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoConfigPath, parseConfigText } from '../../../../src/config/load-config.js';
import { MailTemplates } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { aStudent } from './mail-config.js';

describe('the demo university’s mail settings, as documented in its configuration', () => {
  it('every board sends both templates in both languages, with the demo’s guidance services', async () => {
    const config = parseConfigText(await readFile(demoConfigPath(), 'utf8'), demoConfigPath());
    const templates = MailTemplates.fromConfig(config);

    for (const board of config.boards) {
      for (const template of ['yellow', 'red'] as const) {
        for (const language of ['da', 'en'] as const) {
          const mail = templates.forBoard(board.code).compose(template, aStudent({ language }));
          expect(mail.text).toContain(language === 'da' ? 'Studievejledningen' : 'Student Guidance');
          expect(mail.text).toContain(board.chair);
        }
      }
    }
    const red = (code: string) => templates.forBoard(code).compose('red', aStudent({ language: 'da' }));
    expect(red('SN-MED').text).toContain('Book en tid her: https://demo.example/medicin/book-samtale');
    expect(red('SN-HIST').text).toContain('Book en tid her: https://demo.example/book-vejledning');
    expect(red('SN-DAT').subject).toBe('Datalogi: tilbud om en personlig samtale om dit studie');
    expect(red('SN-DAT').text).toContain('samtale med Mette Kristensen, formand for dit studienævn');
  });
});
