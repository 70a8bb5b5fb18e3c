import { describe, expect, it } from 'vitest';
import type { ReportableUnit } from '../../../../src/procedures/deviations/unit-directory.js';
import {
  findUnits,
  unitMatchesMax,
} from '../../../../src/procedures/deviations/use-cases/catalogue/find-units.js';
import { generatedCatalogue } from './generated-catalogue.js';

const course = (code: string, name: string): ReportableUnit => ({
  kind: 'course',
  code,
  name,
  facultyCode: 'IE',
  departmentCode: null,
});

/** A directory's order: programmes first, then courses, each by name. */
const units: readonly ReportableUnit[] = [
  {
    kind: 'programme',
    code: 'MTDT',
    name: 'Datateknologi (master)',
    facultyCode: 'IE',
    departmentCode: null,
  },
  course('TDT4145', 'Datamodellering og databasesystemer'),
  course('TDT4102', 'Prosedyre- og objektorientert programmering'),
  course('TDT4100', 'Objektorientert programmering'),
  course('IØ6200', 'Økonomistyring'),
  course('TMA4115', 'Matematikk 3'),
  course('TEP4170', 'Strømning og varmetransport'),
  course('EXPH0300', 'Examen philosophicum for naturvitenskap og teknologi'),
  course('FRA1001', 'Fransk språk: prononciation et expression écrite'),
  course('DAN1000', 'Dansk sprog og læsning'),
  course('NOR1101', 'Norrøn grammatikk og Håløygjarl-sagaene'),
];

const codesFound = (search: string) => findUnits(units, search).units.map((unit) => unit.code);

describe('finding a programme or course by what she types', () => {
  it('a code she types whole comes first, then codes beginning with it, in code order', () => {
    expect(codesFound('TDT4100')).toEqual(['TDT4100']);
    expect(codesFound('tdt41')).toEqual(['TDT4100', 'TDT4102', 'TDT4145']);
    // A space inside a code, as people write it from a timetable.
    expect(codesFound('tdt 4102')).toEqual(['TDT4102']);
  });

  it('a code before names: “mat” finds the course coded so before a name beginning with it', () => {
    const found = findUnits([course('MAT1000', 'Analyse'), course('TMA4115', 'Matematikk 3')], 'mat');
    expect(found.units.map((unit) => unit.code)).toEqual(['MAT1000', 'TMA4115']);
  });

  it('words of the name, each the beginning of a word, in any order; then words inside a word', () => {
    expect(codesFound('objekt programmering')).toEqual(['TDT4102', 'TDT4100']);
    expect(codesFound('programmering objekt')).toEqual(['TDT4102', 'TDT4100']);
    // “orientert” is inside the compound “objektorientert”: found, after names with a word beginning so.
    expect(codesFound('orientert')).toEqual(['TDT4102', 'TDT4100']);
    expect(codesFound('data')).toEqual(['MTDT', 'TDT4145']);
    // Every word must be found: one word that is in no name finds nothing.
    expect(codesFound('objekt kvantefysikk')).toEqual([]);
  });

  it('case and accents are ignored: é as e, written either way', () => {
    expect(codesFound('ECRITE')).toEqual(['FRA1001']);
    expect(codesFound('écrite')).toEqual(['FRA1001']);
    expect(codesFound('Examen Philosophicum')).toEqual(['EXPH0300']);
  });

  it('the Nordic letters match as typed without the keys: ø as o or oe, æ as a or ae, å as a or aa', () => {
    for (const typed of ['økonomi', 'okonomi', 'oekonomi', 'ØKONOMI'])
      expect(codesFound(typed)).toEqual(['IØ6200']);
    for (const typed of ['strømning', 'stromning', 'stroemning'])
      expect(codesFound(typed)).toEqual(['TEP4170']);
    for (const typed of ['læsning', 'lasning', 'laesning']) expect(codesFound(typed)).toEqual(['DAN1000']);
    for (const typed of ['håløygjarl', 'haloygjarl', 'haaloeygjarl'])
      expect(codesFound(typed)).toEqual(['NOR1101']);
    // A code with a Nordic letter, typed without it.
    expect(codesFound('io6200')).toEqual(['IØ6200']);
    expect(codesFound('IØ62')).toEqual(['IØ6200']);
  });

  it('nothing typed, or only punctuation, finds nothing', () => {
    expect(findUnits(units, '')).toEqual({ units: [], total: 0 });
    expect(findUnits(units, '  - / ')).toEqual({ units: [], total: 0 });
  });

  it('in a catalogue of 5,000 courses it shows the best 50 and counts them all', () => {
    const catalogue = generatedCatalogue().map((entry) => ({ kind: 'course' as const, ...entry }));
    const byPrefix = findUnits(catalogue, 'TDT41');
    expect(byPrefix.total).toBe(100);
    expect(byPrefix.units).toHaveLength(unitMatchesMax);
    expect(byPrefix.units.map((unit) => unit.code).slice(0, 3)).toEqual(['TDT4100', 'TDT4101', 'TDT4102']);
    // Exactly the courses so named, however many the generator made (30: one in ten codes of three blocks).
    const named = catalogue.filter((unit) => unit.name === 'Maskinlæring, prosjektoppgave');
    const byWords = findUnits(catalogue, 'maskinlæring prosjekt');
    expect(byWords.total).toBe(named.length);
    expect(byWords.units).toEqual(named);
    expect(findUnits(catalogue, 'TDT4100', 10)).toEqual({
      units: [expect.objectContaining({ code: 'TDT4100' })],
      total: 1,
    });
  });
});
