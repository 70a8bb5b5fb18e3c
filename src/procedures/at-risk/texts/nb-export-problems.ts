import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { ExportProblem } from '../progress-export/export-problem.js';
import type { AcceptedWords, ProblemReason, WordList } from '../progress-export/problem-reason.js';

const listName: Readonly<Record<WordList, string>> = {
  enrolment_type: 'en innskrivingstype',
  status: 'en status',
  teaching_language: 'et undervisningsspråk',
};

/** Spec "Dates", written the Norwegian way (år = ÅÅÅÅ). */
const dateNotations = ['ÅÅÅÅ-MM-DD', 'DD-MM-ÅÅÅÅ', 'DD.MM.ÅÅÅÅ', 'DD/MM/ÅÅÅÅ'];

/**
 * An export problem in Norwegian Bokmål: `linje 1234, kolonne Beståede ECTS:
 * «femten» er ikke et tall`. The export is a Danish one, so its columns keep
 * their Danish names, and the accepted words of a list come Danish first.
 */
export function norwegianExportProblem(format: LocaleFormat): (problem: ExportProblem) => string {
  const { number, plural } = format;
  const quoted = (text: string) => `«${text}»`;
  const acceptedWords = ({ english, danish }: AcceptedWords) =>
    danish.length > 0 ? `${danish.join(', ')} eller ${english.join(', ')}` : format.alternatives(english);

  // No default: a reason code without a sentence is a compile error (the function must return a string).
  function because(reason: ProblemReason): string {
    switch (reason.code) {
      case 'file_empty':
        return 'filen er tom';
      case 'utf16':
        return 'filen er lagret som UTF-16-tekst, som ikke kan brukes; lagre den som «CSV UTF-8» eller XLSX';
      case 'invalid_utf8_after_bom':
        return 'filen begynner med et UTF-8-merke (BOM), men er ikke gyldig UTF-8; lagre den på nytt som «CSV UTF-8»';
      case 'old_excel_workbook':
        return 'filen er en gammel Excel 97-2003-arbeidsbok (.xls); lagre den som XLSX eller CSV';
      case 'unreadable_xlsx':
        // The XLSX reader's own explanation is English and means nothing to a secretary; it is left out.
        return 'filen ser ut som en XLSX-arbeidsbok, men kan ikke leses; åpne den i Excel og lagre den på nytt';
      case 'single_column_header':
        return `overskriftsraden har bare én kolonne; kolonnene må skilles med ${format.alternatives(
          reason.delimiters.map(quoted),
        )}`;
      case 'unclosed_quote':
        return 'et felt i anførselstegn begynner på denne linjen, men det avsluttende anførselstegnet mangler';
      case 'text_after_closing_quote':
        return 'uventet tekst etter et avsluttende anførselstegn (et anførselstegn inne i et felt i anførselstegn må skrives to ganger: "")';
      case 'field_count':
        return `har ${plural(reason.fields, {
          one: `${number(reason.fields)} felt`,
          other: `${number(reason.fields)} felter`,
        })}, men overskriftsraden har ${number(reason.headerFields)}`;
      case 'duplicate_column':
        return `kolonnene ${quoted(reason.first)} og ${quoted(reason.second)} betyr begge ${reason.column}; behold bare den ene`;
      case 'missing_column':
        return `den påkrevde kolonnen ${quoted(reason.danishName)} mangler (på engelsk ${quoted(reason.column)})`;
      case 'not_a_progress_export':
        return `filen er ikke en eksport av studieprogresjon: overskriftsraden nevner ingen av kolonnene en eksport må ha (${reason.danishNames.join(
          ', ',
        )}; på engelsk ${reason.columns.slice(0, 2).join(', ')}, …)`;
      case 'empty_cell':
        return 'cellen er tom';
      case 'not_a_number':
        return `${quoted(reason.text)} er ikke et tall`;
      case 'negative':
        return `${quoted(reason.text)} er et negativt tall`;
      case 'other_decimal_mark':
        return reason.mark === '.'
          ? `${quoted(reason.text)} er skrevet med desimalpunktum, men filen bruker desimalkomma`
          : `${quoted(reason.text)} er skrevet med desimalkomma, men filen bruker desimalpunktum`;
      case 'not_a_date':
        return `${quoted(reason.text)} er ikke en dato (bruk ${format.alternatives(dateNotations)})`;
      case 'not_an_email':
        return `${quoted(reason.text)} er ikke en e-postadresse`;
      case 'not_a_cpr':
        return 'verdien er ikke et CPR-nummer (DDMMÅÅ-XXXX eller DDMMÅÅXXXX)';
      case 'cpr_outside_cpr_column':
        return 'inneholder noe som ligner et CPR-nummer; et CPR-nummer hører bare hjemme i kolonnen CPR (verdien vises ikke)';
      case 'not_in_list':
        return `${quoted(reason.text)} er ikke ${listName[reason.list]} (${acceptedWords(reason.accepted)})`;
      case 'duplicate_student':
        return `${quoted(reason.studentId)} forekommer igjen (første gang på linje ${reason.firstLine})`;
      case 'unknown_board':
        return `${quoted(reason.board)} er ikke et studieutvalg i konfigurasjonen (kjente: ${reason.known.join(', ')})`;
    }
  }

  // Line numbers as the spreadsheet and the editor show them: `linje 1234`, not `linje 1 234`.
  return ({ line, column, reason }) => {
    const place = [
      line === null ? null : `linje ${line}`,
      column === null ? null : `kolonne ${column}`,
    ].filter((part) => part !== null);
    return place.length > 0 ? `${place.join(', ')}: ${because(reason)}` : because(reason);
  };
}
