import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import { boardMeetingMessage } from '../../../../src/procedures/at-risk/board-meeting/presenters/board-meeting-message.js';
import { boardMeetingFacts } from './board-meeting-facts.js';

const bold = (text: string) => ({ kind: 'styled', text, bold: true });
const right = (header: string) => ({ header, align: 'right' });

describe('the board-meeting pack as a chat message', () => {
  it('in Danish: counts with the change since the previous cycle, mails, exclusions per reason and the § 31 flags', () => {
    const message = boardMeetingMessage(boardMeetingFacts(), translator('da'));

    expect(message).toEqual({
      fallbackText: 'Til studienævnsmødet: frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
      blocks: [
        {
          type: 'heading',
          text: 'Til studienævnsmødet: frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
        },
        {
          type: 'text',
          content: [
            'Mails til gule og røde studerende for forår 2026 blev sendt 7. april 2026. Her er materialet til studienævnets næste møde.',
          ],
        },
        { type: 'text', content: [bold('Studerende pr. kategori')] },
        {
          type: 'table',
          columns: [{ header: 'Kategori' }, right('Studerende'), right('Ændring siden efteråret 2025')],
          rows: [
            ['Grøn', '1.412', '+12'],
            ['Gul', '37', '−3'],
            ['Rød', '21', '+3'],
            ['Blå', '6', '±0'],
            ['Uden for målgruppen', '44', ''],
          ],
        },
        { type: 'text', content: [bold('Mails til studerende')] },
        {
          type: 'table',
          columns: [{ header: 'Status' }, right('Antal')],
          rows: [
            ['Sendt', '52'],
            ['Ikke leveret', '1'],
            ['Uden e-mailadresse (følges op manuelt)', '2'],
          ],
        },
        { type: 'text', content: [bold('Frasorterede studerende')] },
        {
          type: 'table',
          columns: [{ header: 'Begrundelse' }, right('Studerende')],
          rows: [
            ['Eliteidrætsudøver', '2'],
            ['Orlov under registrering', '1'],
            ['Anden begrundelse', '1'],
            ['I alt', '4'],
          ],
        },
        { type: 'text', content: [bold('§ 31')] },
        {
          type: 'text',
          content: [
            [
              '33 studerende er mere end 6 måneder forsinkede og har ret til særlig vejledning (stk. 1).',
              '19 studerende er mere end 12 måneder forsinkede og skal tilbydes en individuel samtale (stk. 2).',
              'Heraf er 1 frasorteret af formanden, som bekræftede det ved afsendelsen.',
              '§ 31: 3 studerende er mere end 12 måneder forsinkede og kontaktes ikke (blå).',
            ].join('\n'),
          ],
        },
        { type: 'context', content: ['Materialet er vedhæftet som PDF.'] },
      ],
    });
  });

  it('in English, with the board’s English name', () => {
    const message = boardMeetingMessage(boardMeetingFacts(), translator('en'));

    expect(message.fallbackText).toBe(
      'For the board meeting: students at risk – spring 2026 – Study Board of Computer Science',
    );
    expect(message.blocks.slice(1)).toEqual([
      {
        type: 'text',
        content: [
          "The mails to yellow and red students for spring 2026 were sent on 7 April 2026. Here is the material for the board's next meeting.",
        ],
      },
      { type: 'text', content: [bold('Students by category')] },
      {
        type: 'table',
        columns: [{ header: 'Category' }, right('Students'), right('Change since autumn 2025')],
        rows: [
          ['Green', '1,412', '+12'],
          ['Yellow', '37', '−3'],
          ['Red', '21', '+3'],
          ['Blue', '6', '±0'],
          ['Out of scope', '44', ''],
        ],
      },
      { type: 'text', content: [bold('Mails to students')] },
      {
        type: 'table',
        columns: [{ header: 'Status' }, right('Number')],
        rows: [
          ['Sent', '52'],
          ['Not delivered', '1'],
          ['Without an e-mail address (followed up by hand)', '2'],
        ],
      },
      { type: 'text', content: [bold('Students sorted out')] },
      {
        type: 'table',
        columns: [{ header: 'Reason' }, right('Students')],
        rows: [
          ['Elite athlete', '2'],
          ['Leave being registered', '1'],
          ['Other reason', '1'],
          ['Total', '4'],
        ],
      },
      { type: 'text', content: [bold('§ 31')] },
      {
        type: 'text',
        content: [
          [
            '33 students are more than 6 months behind and have a right to special guidance (stk. 1).',
            '19 students are more than 12 months behind and must be offered an individual meeting (stk. 2).',
            'Of these, 1 was sorted out by the chair, who confirmed it at dispatch.',
            '§ 31: 3 students are more than 12 months behind and will not be contacted (blue).',
          ].join('\n'),
        ],
      },
      { type: 'context', content: ['The material is attached as a PDF.'] },
    ]);
  });

  it('a board’s first cycle has no change column and says there is nothing to compare with; no exclusions are said in words', () => {
    const message = boardMeetingMessage(
      boardMeetingFacts({
        previous: null,
        exclusions: {},
        section31: {
          specialGuidance: 1,
          mandatoryContact: 0,
          mandatoryContactExcluded: 0,
          uncontactedOverdue: 0,
        },
      }),
      translator('en'),
    );

    expect(message.blocks[3]).toEqual({
      type: 'table',
      columns: [{ header: 'Category' }, right('Students')],
      rows: [
        ['Green', '1,412'],
        ['Yellow', '37'],
        ['Red', '21'],
        ['Blue', '6'],
        ['Out of scope', '44'],
      ],
    });
    expect(message.blocks.slice(6)).toEqual([
      { type: 'text', content: [bold('Students sorted out')] },
      { type: 'text', content: ['No student was sorted out.'] },
      { type: 'text', content: [bold('§ 31')] },
      {
        type: 'text',
        content: [
          [
            '1 student is more than 6 months behind and has a right to special guidance (stk. 1).',
            '0 students are more than 12 months behind and must be offered an individual meeting (stk. 2).',
            'None of them was sorted out.',
          ].join('\n'),
        ],
      },
      {
        type: 'context',
        content: ['There is no previous identification to compare with. The material is attached as a PDF.'],
      },
    ]);
  });
});
