import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { ExportProblem } from '../progress-export/export-problem.js';
import type { AcceptedWords, ProblemReason, WordList } from '../progress-export/problem-reason.js';

const listName: Readonly<Record<WordList, string>> = {
  enrolment_type: 'an enrolment type',
  status: 'a status',
  teaching_language: 'a teaching language',
};

/** Spec "Dates": the notations a file may use. */
const dateNotations = ['YYYY-MM-DD', 'DD-MM-YYYY', 'DD.MM.YYYY', 'DD/MM/YYYY'];

/**
 * An export problem in English: `line 1234, column ects_passed: "fifteen" is
 * not a number`. These are also the sentences of the command line and of
 * ProgressExportError's message, so they are written here and nowhere else.
 */
export function englishExportProblem(format: LocaleFormat): (problem: ExportProblem) => string {
  const { number, plural } = format;
  const quoted = (text: string) => `"${text}"`;
  const acceptedWords = ({ english, danish }: AcceptedWords) =>
    danish.length > 0 ? `${english.join(', ')} or ${danish.join(', ')}` : format.alternatives(english);

  // No default: a reason code without a sentence is a compile error (the function must return a string).
  function because(reason: ProblemReason): string {
    switch (reason.code) {
      case 'file_empty':
        return 'the file is empty';
      case 'utf16':
        return 'the file is UTF-16 text, which is not supported; save it as "CSV UTF-8" or XLSX';
      case 'invalid_utf8_after_bom':
        return 'the file starts with a UTF-8 byte order mark but is not valid UTF-8; save it again as "CSV UTF-8"';
      case 'old_excel_workbook':
        return 'the file is an old Excel 97-2003 workbook (.xls); save it as XLSX or CSV';
      case 'unreadable_xlsx':
        return `the file looks like an XLSX workbook but cannot be read${
          reason.detail === null ? '' : ` (${reason.detail})`
        }; open it in Excel and save it again`;
      case 'single_column_header':
        return `the header has a single column; columns must be separated by ${format.alternatives(
          reason.delimiters.map(quoted),
        )}`;
      case 'unclosed_quote':
        return 'a quoted field starts on this line but its closing quote is missing';
      case 'text_after_closing_quote':
        return 'unexpected text after a closing quote (a quote inside a quoted field must be written twice: "")';
      case 'field_count':
        return `has ${plural(reason.fields, {
          one: `${number(reason.fields)} field`,
          other: `${number(reason.fields)} fields`,
        })}, the header has ${number(reason.headerFields)}`;
      case 'duplicate_column':
        return `columns ${quoted(reason.first)} and ${quoted(reason.second)} both mean ${reason.column}; keep only one of them`;
      case 'missing_column':
        return `missing required column ${quoted(reason.column)} (Danish: ${quoted(reason.danishName)})`;
      case 'not_a_progress_export':
        return `this is not a study-progress export: its header names none of the columns an export must have (${reason.columns.join(
          ', ',
        )}; in Danish ${reason.danishNames.slice(0, 2).join(', ')}, …)`;
      case 'empty_cell':
        return 'is empty';
      case 'not_a_number':
        return `${quoted(reason.text)} is not a number`;
      case 'negative':
        return `${quoted(reason.text)} is negative`;
      case 'other_decimal_mark':
        return reason.mark === '.'
          ? `${quoted(reason.text)} uses a decimal point but this file uses decimal commas`
          : `${quoted(reason.text)} uses a decimal comma but this file uses decimal points`;
      case 'not_a_date':
        return `${quoted(reason.text)} is not a date (use ${format.alternatives(dateNotations)})`;
      case 'not_an_email':
        return `${quoted(reason.text)} is not an e-mail address`;
      case 'not_a_cpr':
        return 'not a CPR number (DDMMYY-XXXX or DDMMYYXXXX)';
      case 'cpr_outside_cpr_column':
        return 'holds what looks like a CPR number; a CPR number belongs only in the CPR column (the value is not shown)';
      case 'not_in_list':
        return `${quoted(reason.text)} is not ${listName[reason.list]} (${acceptedWords(reason.accepted)})`;
      case 'duplicate_student':
        return `${quoted(reason.studentId)} appears again (first on line ${reason.firstLine})`;
      case 'unknown_board':
        return `${quoted(reason.board)} is not a study board in the configuration (known: ${reason.known.join(', ')})`;
    }
  }

  // Line numbers as the spreadsheet and the editor show them: `line 1234`, not `line 1,234`.
  return ({ line, column, reason }) => {
    const place = [line === null ? null : `line ${line}`, column === null ? null : `column ${column}`].filter(
      (part) => part !== null,
    );
    return place.length > 0 ? `${place.join(', ')}: ${because(reason)}` : because(reason);
  };
}
