import type { Translator } from '../../../../i18n/translator.js';
import type { Block, FormField, FormValues, SelectOption } from '../../../../messages/message-model.js';
import { maskCprShapes } from '../../../../security/cpr-shape.js';
import { type ReportableUnit, unitKey } from '../../unit-directory.js';
import { findUnits, type UnitMatches } from '../../use-cases/catalogue/find-units.js';
import { reportFieldIds } from '../../use-cases/intake/report-answers.js';

/**
 * Up to this many units, the report form lists them all in one searchable
 * select; beyond it, the form asks for a search first. Measured on the
 * tightest surface, a Teams dialog card (38,000 bytes): the report form at
 * its heaviest (a description of 3,000 three-byte characters shown again,
 * every field's error, the whistleblowing route) weighs about 15,900 bytes,
 * and a unit at its heaviest (a 75-character label of two-byte letters)
 * about 185, so 100 fit with room to spare and 200 do not. 100 is also what
 * a Slack menu holds without option groups.
 */
export const singleListMaxUnits = 100;

/** The longest label a unit gets: Slack's option text shows 75 characters. */
export const unitLabelMaxLength = 75;

/** The search field's id: a key of the form's values beside the report's own. */
export const unitSearchFieldId = 'unitSearch';

/** A code or a few words of a name; longer is a field error, not cut. */
export const unitSearchMaxLength = 100;

/** The form's in-form action ids (`deviations.catalogue.…`). */
export const catalogueActions = {
  /** The report form's Search button: the same form again, its list holding the matches. */
  search: 'deviations.catalogue.search',
} as const;

/** What is in the search field: nothing, words to search for, or more than the field takes. */
export type UnitSearch =
  | { readonly kind: 'none' }
  | { readonly kind: 'words'; readonly words: string }
  | { readonly kind: 'too_long'; readonly words: string; readonly length: number };

export function readUnitSearch(values: FormValues): UnitSearch {
  const typed = values[unitSearchFieldId];
  const words = typeof typed === 'string' ? typed.trim() : '';
  if (words === '') return { kind: 'none' };
  if (words.length > unitSearchMaxLength) return { kind: 'too_long', words, length: words.length };
  return { kind: 'words', words };
}

export interface UnitChoiceContent {
  /** Every unit a report can be about (the directory's order). */
  readonly units: readonly ReportableUnit[];
  readonly search: UnitSearch;
  /** The unit she chose, as submitted (`course:TDT4100`); checked here against `units`. */
  readonly chosenUnit: string | null;
  /** The form's field errors so far; the choice moves or adds its own. */
  readonly errors: Readonly<Record<string, string>>;
}

/** The part of the report form that picks the unit: its blocks, its fields and the form's errors. */
export interface UnitChoice {
  readonly mode: 'list' | 'search';
  readonly blocks: readonly Block[];
  readonly fields: readonly FormField[];
  readonly errors: Readonly<Record<string, string>>;
}

/**
 * How the report form offers the programme or course. Few enough: every
 * unit in one select that narrows as she types. More: a search field with
 * a Search button above it, and a select holding the best matches of what
 * she searched for (with her earlier choice kept on top, so a new search
 * never loses it). Until a search finds something there is no select, so
 * what would be said under it is said under the search field.
 */
export function unitChoice(reader: Translator, content: UnitChoiceContent): UnitChoice {
  const { units } = content;
  const chosen = units.find((unit) => unitKey(unit) === content.chosenUnit) ?? null;
  if (units.length <= singleListMaxUnits) {
    return {
      mode: 'list',
      blocks: [],
      fields: [
        {
          id: reportFieldIds.unit,
          kind: 'select',
          label: reader.t.deviations.field.unit,
          placeholder: reader.t.deviations.intake.placeholder.unit,
          options: units.map(unitOption),
          searchable: true,
          // A unit no longer offered (or a forged one) cannot be shown as chosen.
          ...(chosen === null ? {} : { initialValue: unitKey(chosen) }),
        },
      ],
      errors: content.errors,
    };
  }
  return searchChoice(reader, content, chosen);
}

function searchChoice(
  reader: Translator,
  content: UnitChoiceContent,
  chosen: ReportableUnit | null,
): UnitChoice {
  const texts = reader.t.deviations.catalogue;
  const { search } = content;
  // Her words come back to her, never an identity number in them (the personal data rule).
  const shownWords = search.kind === 'none' ? null : maskCprShapes(search.words);
  const found: UnitMatches =
    search.kind === 'words' ? findUnits(content.units, search.words) : { units: [], total: 0 };
  const options: SelectOption[] = [
    ...(chosen === null || found.units.includes(chosen) ? [] : [chosen]),
    ...found.units,
  ].map(unitOption);
  // One match is what she meant: chosen for her (she can still search again).
  const preselected = chosen ?? (found.units.length === 1 ? (found.units[0] ?? null) : null);

  const errors: Record<string, string> = { ...content.errors };
  if (search.kind === 'too_long')
    errors[unitSearchFieldId] = texts.searchTooLong({ max: unitSearchMaxLength, length: search.length });
  else if (search.kind === 'words' && found.total === 0 && shownWords !== null)
    errors[unitSearchFieldId] = texts.noMatch({ search: shownWords });
  const unitError = errors[reportFieldIds.unit];
  if (options.length === 0 && unitError !== undefined) {
    delete errors[reportFieldIds.unit];
    errors[unitSearchFieldId] ??= texts.unitNotChosen;
  }

  const searchField: FormField = {
    id: unitSearchFieldId,
    kind: 'text',
    label: texts.searchLabel,
    placeholder: texts.searchPlaceholder,
    maxLength: unitSearchMaxLength,
    // Not an answer of the report: the list below is.
    optional: true,
    ...(shownWords === null ? {} : { initialValue: shownWords }),
  };
  const matchesField: FormField[] =
    options.length === 0
      ? []
      : [
          {
            id: reportFieldIds.unit,
            kind: 'select',
            label: reader.t.deviations.field.unit,
            placeholder: texts.matchesPlaceholder,
            options,
            ...(found.total === 0 || shownWords === null
              ? {}
              : {
                  hint: texts.matches({ shown: found.units.length, total: found.total, search: shownWords }),
                }),
            ...(preselected === null ? {} : { initialValue: unitKey(preselected) }),
          },
        ];
  return {
    mode: 'search',
    blocks: [
      { type: 'text', content: [texts.searchPrompt] },
      {
        type: 'actions',
        elements: [{ type: 'button', actionId: catalogueActions.search, label: texts.searchButton }],
      },
    ],
    fields: [searchField, ...matchesField],
    errors,
  };
}

/** `Object-oriented programming (TDT4100)`, shortened to the label limit with the code kept. */
export function unitOption(unit: ReportableUnit): SelectOption {
  const code = ` (${unit.code})`;
  const room = unitLabelMaxLength - code.length;
  const name = unit.name.length <= room ? unit.name : `${unit.name.slice(0, Math.max(room - 1, 1))}…`;
  return { label: `${name}${code}`, value: unitKey(unit) };
}
