import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseEngine } from '../support/test-database.js';
import { type CliFolder, cliFolder } from './deviations-cli-fixture.js';

let cli: CliFolder;

beforeAll(async () => {
  cli = await cliFolder({ now: new Date('2026-10-15T10:00:00Z') });
}, 60_000);
afterAll(async () => cli?.dispose());

async function catalogueFile(name: string, content: string | Uint8Array): Promise<string> {
  await writeFile(join(cli.folder, name), content);
  return name;
}

const storedCatalogue = () => cli.withStore((store) => store.catalogue());

describe(`trafiklys deviations courses import (${testDatabaseEngine()})`, () => {
  it('stores a semicolon file with a byte order mark and CRLF, the department optional, and the form offers its courses', async () => {
    const file = await catalogueFile(
      'courses.csv',
      [
        '\uFEFFcode;name;faculty;department',
        'TDT4200;Parallel computing;IE;IDI',
        'TMA4100;Matematikk 1;nv;',
        'EXPH0300;Examen philosophicum;HF;IFR',
        '"TDT4140";"Software engineering; a project";IE;idi',
        '',
      ].join('\r\n'),
    );
    const result = await cli.trafiklys('deviations', 'courses', 'import', file);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('Imported 4 courses from courses.csv into ');
    expect(result.stdout).toContain(', replacing the course catalogue:');
    expect(result.stdout).toMatch(/^IE\s+2$/m);
    expect(result.stdout).toMatch(/^NV\s+1$/m);
    expect(result.stdout).toMatch(/^HF\s+1$/m);
    expect(result.stdout).toContain(
      'The courses of HF are stored but not offered in the report form: the faculty has no reportOwners under deviations:.',
    );
    expect(await storedCatalogue()).toEqual([
      { code: 'EXPH0300', name: 'Examen philosophicum', facultyCode: 'HF', departmentCode: 'IFR' },
      { code: 'TDT4140', name: 'Software engineering; a project', facultyCode: 'IE', departmentCode: 'IDI' },
      { code: 'TDT4200', name: 'Parallel computing', facultyCode: 'IE', departmentCode: 'IDI' },
      { code: 'TMA4100', name: 'Matematikk 1', facultyCode: 'NV', departmentCode: null },
    ]);
    const units = await cli.units();
    expect(units.unit({ kind: 'course', code: 'TDT4200' })).toEqual({
      kind: 'course',
      code: 'TDT4200',
      name: 'Parallel computing',
      facultyCode: 'IE',
      departmentCode: 'IDI',
    });
    // HF has no report owners: a report about its course could reach nobody.
    expect(units.unit({ kind: 'course', code: 'EXPH0300' })).toBeNull();
    // The configuration's own courses stay.
    expect(units.unit({ kind: 'course', code: 'TDT4100' })?.facultyCode).toBe('IE');
  });

  it('a comma-separated file without a department column replaces the catalogue', async () => {
    const file = await catalogueFile(
      'courses-comma.csv',
      'code,name,faculty\nTDT4300,"Data warehousing, mining",IE\n',
    );
    const result = await cli.trafiklys('deviations', 'courses', 'import', file);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('Imported 1 course from courses-comma.csv');
    expect(await storedCatalogue()).toEqual([
      { code: 'TDT4300', name: 'Data warehousing, mining', facultyCode: 'IE', departmentCode: null },
    ]);
  });

  it('every problem is named by file, line and column, and nothing is stored', async () => {
    const before = await storedCatalogue();
    const file = await catalogueFile(
      'bad.csv',
      [
        'code;name;faculty;department',
        'TDT4200;Parallel computing;IE;IDI',
        'XX1000;Unknown faculty;XX;',
        'MA2000;Wrong department;NV;IDI',
        'tdt4200;Parallel computing again;IE;',
        'TDT4900;;IE;',
        'TDT4901;Unknown department;IE;ZZZ',
        'TDT 4902;Two words;IE;',
        'TDT4903;Too many;IE;IDI;extra',
      ].join('\n'),
    );
    const result = await cli.trafiklys('deviations', 'courses', 'import', file);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'error: bad.csv cannot be imported; nothing was stored:',
        'bad.csv:3:3: faculty: no faculty has the code "XX" (known: IE, NV, HF)',
        'bad.csv:4:4: department: department IDI belongs to faculty IE, not NV',
        'bad.csv:5:1: code: the course tdt4200 is already on line 2',
        'bad.csv:6:2: name: the course has no name',
        'bad.csv:7:4: department: no department has the code "ZZZ"',
        'bad.csv:8:1: code: a course code is one word, without spaces',
        'bad.csv:9:5: the line has 5 cells, the header 4',
        '',
      ].join('\n'),
    );
    expect(await storedCatalogue()).toEqual(before);
  });

  it('a header without a required column is refused on line 1', async () => {
    const file = await catalogueFile(
      'no-faculty.csv',
      'code;title;department\nTDT4200;Parallel computing;IDI\n',
    );
    const result = await cli.trafiklys('deviations', 'courses', 'import', file);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      [
        'error: no-faculty.csv cannot be imported; nothing was stored:',
        'no-faculty.csv:1:2: "title" is not a column of the course catalogue (expected code;name;faculty;department)',
        'no-faculty.csv:1: the header has no column "name" (expected code;name;faculty;department; department may be left out)',
        'no-faculty.csv:1: the header has no column "faculty" (expected code;name;faculty;department; department may be left out)',
        '',
      ].join('\n'),
    );
  });

  it('a file that is not UTF-8 is refused at the line of the first such byte', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('code;name;faculty\nTDT4200;Parallel computing;IE\nTMA4100;Matematikk for ', 'utf8'),
      Buffer.from([0xe6]), // æ in Windows-1252
      Buffer.from('konomer;NV\n', 'utf8'),
    ]);
    const file = await catalogueFile('latin1.csv', latin1);
    const result = await cli.trafiklys('deviations', 'courses', 'import', file);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('latin1.csv:3: is not UTF-8 text (save the file as “CSV UTF-8”)');
  });

  it('a file with a header and no courses would empty the catalogue: refused', async () => {
    const before = await storedCatalogue();
    const file = await catalogueFile('empty.csv', 'code;name;faculty;department\r\n\r\n');
    const result = await cli.trafiklys('deviations', 'courses', 'import', file);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('empty.csv:2: the file has no courses under its header');
    expect(await storedCatalogue()).toEqual(before);
  });

  it('a file that is not there, and a missing file argument', async () => {
    const missing = await cli.trafiklys('deviations', 'courses', 'import', 'nowhere.csv');
    expect(missing).toMatchObject({ exitCode: 1, stderr: 'error: cannot read nowhere.csv: no such file\n' });
    const none = await cli.trafiklys('deviations', 'courses', 'import');
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('expected one course catalogue file, got 0');
  });
});

describe(`trafiklys deviations courses import without deviations: (${testDatabaseEngine()})`, () => {
  let off: CliFolder;
  beforeAll(async () => {
    off = await cliFolder({ now: new Date('2026-10-15T10:00:00Z'), withDeviations: false });
  });
  afterAll(async () => off?.dispose());

  it('says the procedure is off and stores nothing', async () => {
    await writeFile(join(off.folder, 'courses.csv'), 'code;name;faculty\nTDT4200;Parallel computing;IE\n');
    const result = await off.trafiklys('deviations', 'courses', 'import', 'courses.csv');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('has no deviations: section, so the deviation procedure is off.');
    expect(await off.withStore((store) => store.catalogue())).toEqual([]);
  });
});
