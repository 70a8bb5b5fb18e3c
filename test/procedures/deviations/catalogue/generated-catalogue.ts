import type { CatalogueCourse } from '../../../../src/procedures/deviations/unit-directory.js';

/** Course code prefixes with the faculty (and department) they belong to in the test institution. */
const prefixes: readonly {
  readonly prefix: string;
  readonly facultyCode: string;
  readonly departmentCode: string | null;
}[] = [
  { prefix: 'TDT', facultyCode: 'IE', departmentCode: 'IDI' },
  { prefix: 'TTK', facultyCode: 'IE', departmentCode: null },
  { prefix: 'TTM', facultyCode: 'IE', departmentCode: null },
  { prefix: 'TFE', facultyCode: 'IE', departmentCode: null },
  { prefix: 'IT', facultyCode: 'IE', departmentCode: 'IDI' },
  { prefix: 'TMA', facultyCode: 'NV', departmentCode: 'IMF' },
  { prefix: 'TFY', facultyCode: 'NV', departmentCode: null },
  { prefix: 'KJ', facultyCode: 'NV', departmentCode: null },
  { prefix: 'BI', facultyCode: 'NV', departmentCode: null },
  { prefix: 'GEO', facultyCode: 'NV', departmentCode: null },
];

const subjects = [
  'Algoritmer og datastrukturer',
  'Databaser',
  'Kvantemekanikk',
  'Lineær algebra',
  'Matematikk',
  'Fysikk',
  'Kjemi',
  'Biologi',
  'Reguleringsteknikk',
  'Kommunikasjonsteknologi',
  'Elektronikk',
  'Maskinlæring',
  'Sannsynlighetsregning',
  'Statistikk',
  'Geologi',
  'Miljøkjemi',
  'Cellebiologi',
  'Programvareutvikling',
  'Informasjonssikkerhet',
  'Termodynamikk',
];

const qualifiers = [
  ' 1',
  ' 2',
  ' 3',
  ', videregående kurs',
  ' for ingeniører',
  ', prosjektoppgave',
  ', fordypningsemne',
  ': teori og praksis i et tverrfaglig perspektiv med vekt på bærekraft og samfunnsansvar',
];

/**
 * A catalogue the size of NTNU's: 5,000 courses under ten code prefixes
 * (TDT4000–TDT4499 and so on), five prefixes at IE and five at NV, with
 * Norwegian names, some longer than a list label takes. The same every time.
 */
export function generatedCatalogue(count = 5000): CatalogueCourse[] {
  return Array.from({ length: count }, (_, index) => {
    const place = prefixes[index % prefixes.length];
    if (place === undefined) throw new Error('no prefix');
    const subject = subjects[Math.floor(index / prefixes.length) % subjects.length];
    const qualifier = qualifiers[Math.floor(index / (prefixes.length * subjects.length)) % qualifiers.length];
    return {
      code: `${place.prefix}${4000 + Math.floor(index / prefixes.length)}`,
      name: `${subject}${qualifier}`,
      facultyCode: place.facultyCode,
      departmentCode: place.departmentCode,
    };
  });
}
