/** The two ways a study-progress export reaches us that the benchmark measures. */
export const exportVariantNames = ['utf8', 'danish-excel'] as const;
export type ExportVariantName = (typeof exportVariantNames)[number];

export interface ExportVariant {
  readonly name: ExportVariantName;
  readonly description: string;
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly delimiter: ',' | ';';
  readonly decimalMark: '.' | ',';
  readonly dateOrder: 'year-first' | 'day-first';
  readonly language: 'english' | 'danish';
  readonly lineEnd: '\n' | '\r\n';
}

export const exportVariants: Readonly<Record<ExportVariantName, ExportVariant>> = {
  // What a script or a register writes.
  utf8: {
    name: 'utf8',
    description: 'UTF-8, ",", English headers and values, YYYY-MM-DD, decimal point, LF',
    encoding: 'utf-8',
    delimiter: ',',
    decimalMark: '.',
    dateOrder: 'year-first',
    language: 'english',
    lineEnd: '\n',
  },
  // What "Gem som CSV (semikolonsepareret)" in Danish Excel on Windows writes.
  'danish-excel': {
    name: 'danish-excel',
    description: 'Windows-1252, ";", Danish headers and values, DD-MM-YYYY, decimal comma, CRLF',
    encoding: 'windows-1252',
    delimiter: ';',
    decimalMark: ',',
    dateOrder: 'day-first',
    language: 'danish',
    lineEnd: '\r\n',
  },
};

export function exportFileName(rows: number, variant: ExportVariantName): string {
  return `progress-${rows}-${variant}.csv`;
}
