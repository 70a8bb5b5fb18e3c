import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { ExportProblem } from '../progress-export/export-problem.js';
import type { AcceptedWords, ProblemReason, WordList } from '../progress-export/problem-reason.js';

const listName: Readonly<Record<WordList, string>> = {
  enrolment_type: 'en indskrivningstype',
  status: 'en status',
  teaching_language: 'et undervisningssprog',
};

/** Spec "Dates", written the Danish way (år = ÅÅÅÅ). */
const dateNotations = ['ÅÅÅÅ-MM-DD', 'DD-MM-ÅÅÅÅ', 'DD.MM.ÅÅÅÅ', 'DD/MM/ÅÅÅÅ'];

/**
 * An export problem in Danish: `linje 1234, kolonne Beståede ECTS: »femten«
 * er ikke et tal`. Values are quoted »…« as elsewhere in the Danish
 * catalogue; the accepted words of a list come Danish first.
 */
export function danishExportProblem(format: LocaleFormat): (problem: ExportProblem) => string {
  const { number, plural } = format;
  const quoted = (text: string) => `»${text}«`;
  const acceptedWords = ({ english, danish }: AcceptedWords) =>
    danish.length > 0 ? `${danish.join(', ')} eller ${english.join(', ')}` : format.alternatives(english);

  // No default: a reason code without a sentence is a compile error (the function must return a string).
  function because(reason: ProblemReason): string {
    switch (reason.code) {
      case 'file_empty':
        return 'filen er tom';
      case 'utf16':
        return 'filen er gemt som UTF-16-tekst, som ikke kan bruges; gem den som »CSV UTF-8« eller XLSX';
      case 'invalid_utf8_after_bom':
        return 'filen begynder med et UTF-8-mærke (BOM), men er ikke gyldig UTF-8; gem den igen som »CSV UTF-8«';
      case 'old_excel_workbook':
        return 'filen er en gammel Excel 97-2003-projektmappe (.xls); gem den som XLSX eller CSV';
      case 'unreadable_xlsx':
        // The XLSX reader's own explanation is English and means nothing to a secretary; it is left out.
        return 'filen ligner en XLSX-projektmappe, men kan ikke læses; åbn den i Excel, og gem den igen';
      case 'single_column_header':
        return `overskriftsrækken har kun én kolonne; kolonnerne skal adskilles med ${format.alternatives(
          reason.delimiters.map(quoted),
        )}`;
      case 'unclosed_quote':
        return 'et felt i anførselstegn begynder i denne linje, men det afsluttende anførselstegn mangler';
      case 'text_after_closing_quote':
        return 'uventet tekst efter et afsluttende anførselstegn (et anførselstegn inde i et felt i anførselstegn skal skrives to gange: "")';
      case 'field_count':
        return `har ${plural(reason.fields, {
          one: `${number(reason.fields)} felt`,
          other: `${number(reason.fields)} felter`,
        })}, men overskriftsrækken har ${number(reason.headerFields)}`;
      case 'duplicate_column':
        return `kolonnerne ${quoted(reason.first)} og ${quoted(reason.second)} betyder begge ${reason.column}; behold kun den ene`;
      case 'missing_column':
        return `den påkrævede kolonne ${quoted(reason.danishName)} mangler (på engelsk ${quoted(reason.column)})`;
      case 'not_a_progress_export':
        return `filen er ikke et udtræk af studieforløb: overskriftsrækken nævner ingen af de kolonner, et udtræk skal have (${reason.danishNames.join(
          ', ',
        )}; på engelsk ${reason.columns.slice(0, 2).join(', ')}, …)`;
      case 'empty_cell':
        return 'cellen er tom';
      case 'not_a_number':
        return `${quoted(reason.text)} er ikke et tal`;
      case 'negative':
        return `${quoted(reason.text)} er et negativt tal`;
      case 'other_decimal_mark':
        return reason.mark === '.'
          ? `${quoted(reason.text)} er skrevet med decimalpunktum, men filen bruger decimalkomma`
          : `${quoted(reason.text)} er skrevet med decimalkomma, men filen bruger decimalpunktum`;
      case 'not_a_date':
        return `${quoted(reason.text)} er ikke en dato (brug ${format.alternatives(dateNotations)})`;
      case 'not_an_email':
        return `${quoted(reason.text)} er ikke en e-mailadresse`;
      case 'not_a_cpr':
        return 'værdien er ikke et CPR-nummer (DDMMÅÅ-XXXX eller DDMMÅÅXXXX)';
      case 'cpr_outside_cpr_column':
        return 'indeholder noget, der ligner et CPR-nummer; et CPR-nummer hører kun hjemme i kolonnen CPR (værdien vises ikke)';
      case 'not_in_list':
        return `${quoted(reason.text)} er ikke ${listName[reason.list]} (${acceptedWords(reason.accepted)})`;
      case 'duplicate_student':
        return `${quoted(reason.studentId)} forekommer igen (første gang i linje ${reason.firstLine})`;
      case 'unknown_board':
        return `${quoted(reason.board)} er ikke et studienævn i konfigurationen (kendte: ${reason.known.join(', ')})`;
    }
  }

  // Line numbers as the spreadsheet and the editor show them: `linje 1234`, not `linje 1.234`.
  return ({ line, column, reason }) => {
    const place = [
      line === null ? null : `linje ${line}`,
      column === null ? null : `kolonne ${column}`,
    ].filter((part) => part !== null);
    return place.length > 0 ? `${place.join(', ')}: ${because(reason)}` : because(reason);
  };
}
