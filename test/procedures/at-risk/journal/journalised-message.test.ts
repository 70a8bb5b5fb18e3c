import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import type { JournalTally } from '../../../../src/procedures/at-risk/journal/journalise-cycle.js';
import { journalisedMessage } from '../../../../src/procedures/at-risk/journal/presenters/journalised-message.js';

const board = { name: 'Studienævn for Datalogi', names: { en: 'Study Board of Computer Science' } };
const period = { term: 'spring', year: 2026 } as const;

const tally = (overrides: Partial<JournalTally> = {}): JournalTally => ({
  cycleId: 'c1',
  filed: { student: 52, collective: 3 },
  alreadyFiled: 0,
  inProgress: 0,
  failed: [],
  ...overrides,
});

const someFailed: JournalTally['failed'] = [
  { caseKey: 'student-S1', kind: 'student', problem: 'cpr_missing', message: 'no CPR number is stored' },
  { caseKey: 'student-S2', kind: 'student', problem: 'cpr_missing', message: 'no CPR number is stored' },
  { caseKey: 'collective-DAT', kind: 'collective', problem: 'refused', message: 'HTTP 400' },
];

describe('the message that a cycle is journalised', () => {
  it('in Danish: how many cases of each kind were filed', () => {
    expect(journalisedMessage({ board, period, tally: tally() }, translator('da'))).toEqual({
      fallbackText: 'Journaliseret: identifikation af frafaldstruede forår 2026 – Studienævn for Datalogi',
      blocks: [
        {
          type: 'heading',
          text: 'Journaliseret: identifikation af frafaldstruede forår 2026 – Studienævn for Datalogi',
        },
        { type: 'text', content: ['55 sager er journaliseret: 52 studentersager og 3 samlesager.'] },
      ],
    });
  });

  it('in English, with what an earlier run did, what another instance is doing and, by cause, what failed: no student named', () => {
    const message = journalisedMessage(
      {
        board,
        period,
        tally: tally({
          filed: { student: 1, collective: 0 },
          alreadyFiled: 2,
          inProgress: 1,
          failed: someFailed,
        }),
      },
      translator('en'),
    );

    expect(message).toEqual({
      fallbackText:
        'Journalised: identification of students at risk – spring 2026 – Study Board of Computer Science',
      blocks: [
        {
          type: 'heading',
          text: 'Journalised: identification of students at risk – spring 2026 – Study Board of Computer Science',
        },
        {
          type: 'text',
          content: [
            [
              '1 case journalised: 1 student case and 0 collective cases.',
              '2 cases were already journalised.',
              '1 case is being journalised by another Trafiklys instance right now.',
            ].join('\n'),
          ],
        },
        {
          type: 'text',
          content: [
            [
              '3 cases could not be journalised:',
              '• 2 cases: no CPR number is stored for the student (the export had none), so the case cannot be titled',
              '• 1 case: the records system refused the case',
            ].join('\n'),
          ],
        },
        {
          type: 'context',
          content: [
            'Cases that were not journalised are tried again the next time the cycle is journalised. Whoever runs Trafiklys finds the cause of each in the log.',
          ],
        },
      ],
    });
    expect(JSON.stringify(message)).not.toMatch(/S1|S2/);
  });

  it('in Danish, the failures by cause', () => {
    const message = journalisedMessage(
      { board, period, tally: tally({ filed: { student: 0, collective: 0 }, failed: someFailed }) },
      translator('da'),
    );

    expect(message.blocks.slice(1)).toEqual([
      { type: 'text', content: ['Ingen nye sager er journaliseret.'] },
      {
        type: 'text',
        content: [
          [
            '3 sager kunne ikke journaliseres:',
            '• 2 sager: intet CPR-nummer gemt for den studerende (eksporten havde intet), så sagen kan ikke få sin titel',
            '• 1 sag: journalsystemet afviste sagen',
          ].join('\n'),
        ],
      },
      {
        type: 'context',
        content: [
          'Sager, der ikke blev journaliseret, forsøges igen, næste gang cyklussen journaliseres. Den, der driver Trafiklys, kan se årsagen for hver sag i loggen.',
        ],
      },
    ]);
  });
});
