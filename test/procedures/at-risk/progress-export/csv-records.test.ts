import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../../src/procedures/at-risk/progress-export/csv-delimiter.js';
import {
  CsvRecordReader,
  readCsvRecords,
} from '../../../../src/procedures/at-risk/progress-export/csv-records.js';

describe('CSV records (RFC 4180)', () => {
  it('each record carries the file line it starts on, past quoted line breaks and blank lines', () => {
    const text = 'a,b\n"1\n2\n3",x\n\n4,"y"\r\n5,z';

    expect(readCsvRecords(text, ',')).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1\n2\n3', 'x'] },
        { line: 6, cells: ['4', 'y'] },
        { line: 7, cells: ['5', 'z'] },
      ],
      problems: [],
    });
  });

  it('a lone CR ends a line like LF and CRLF, and a CR inside quotes is kept in the value', () => {
    const text = 'a,b\r1,"x\ry"\r\n2,z\n\r3,w\r';

    expect(readCsvRecords(text, ',')).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', 'x\ry'] },
        { line: 4, cells: ['2', 'z'] },
        { line: 6, cells: ['3', 'w'] },
      ],
      problems: [],
    });
  });

  it('empty fields are kept, quoted or not, at the start, middle and end of a record', () => {
    expect(readCsvRecords(',a,,"",\r\n"",,\n', ',').records).toEqual([
      { line: 1, cells: ['', 'a', '', '', ''] },
      { line: 2, cells: ['', '', ''] },
    ]);
  });

  it('a doubled quote is one quote, also right before the closing quote and at the end of the text', () => {
    expect(readCsvRecords('"say ""hi""";"""";x\r\n"end"""\r', ';').records).toEqual([
      { line: 1, cells: ['say "hi"', '"', 'x'] },
      { line: 2, cells: ['end"'] },
    ]);
  });

  it('the other delimiter is plain text', () => {
    expect(readCsvRecords('7,5;a,b\n', ';').records).toEqual([{ line: 1, cells: ['7,5', 'a,b'] }]);
  });

  it('an unterminated quote ends the reading, keeping the records before it', () => {
    expect(readCsvRecords('a,b\nc,"d\ne,f\n', ',')).toEqual({
      records: [{ line: 1, cells: ['a', 'b'] }],
      problems: [
        {
          line: 2,
          column: null,
          reason: { code: 'unclosed_quote' },
        },
      ],
    });
  });
});

describe('CSV records from text that arrives in pieces', () => {
  const texts = [
    'a,b\r\n"1\r\n2",x\r\n\r\n"say ""hi""",""\r3,w\n4,"z"',
    'a;b\n"x"y;z\n"end"""\r',
    'a,b\nc,"d\ne,f\n',
  ];
  const delimiterOf = (text: string) => (text.includes(';') ? ';' : ',');

  function readInPieces(text: string, cuts: readonly number[]) {
    const reader = new CsvRecordReader(delimiterOf(text));
    const records = [];
    let from = 0;
    for (const cut of [...cuts, text.length]) {
      records.push(...reader.read(text.slice(from, cut), cut === text.length));
      from = cut;
    }
    return { records, problems: reader.problems };
  }

  it.each(texts)('%j cut anywhere into two pieces reads as the whole text does', (text) => {
    const whole = readCsvRecords(text, delimiterOf(text));
    for (let cut = 0; cut <= text.length; cut++) {
      expect(readInPieces(text, [cut])).toEqual(whole);
    }
  });

  it.each(texts)('%j fed one character at a time reads as the whole text does', (text) => {
    const cuts = Array.from({ length: text.length }, (_, index) => index);

    expect(readInPieces(text, cuts)).toEqual(readCsvRecords(text, delimiterOf(text)));
  });
});

describe('delimiter detection from the header', () => {
  it.each([
    ['student_id,name,email', ','],
    ['Studienummer;Navn;Email', ';'],
    ['"a;b",c,d', ','],
    ['"a,b";c;d', ';'],
    ['a;b,c;d\n1,2,3,4,5,6', ';'],
    ['\r\n\nstudent_id;name', ';'],
    ['single', ','],
  ])('the header %j is separated by %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
