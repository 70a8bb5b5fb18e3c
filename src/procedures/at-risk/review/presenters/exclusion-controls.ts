import type { Translator } from '../../../../i18n/translator.js';
import type { ActionElement, Block, FormField } from '../../../../messages/message-model.js';
import { type CalendarDate, todayIn } from '../../../../shared/calendar-date.js';
import type { MatchedExclusion } from '../../exclusions/exclude-students.js';
import { exclusionNoteMaxLength, exclusionReasons } from '../../exclusions/exclusion.js';
import type { ReviewRow } from '../../identification-store.js';
import { exclusionFieldIds, reviewActions } from '../review-state.js';
import { shortened } from './shortened.js';

/**
 * What the person looking may do with the list: decide (the chair or a
 * delegate, while the cycle is a draft), only read it (the secretary, a
 * manager), or read it after the mails were sent, when nobody may change it.
 */
export type ExclusionMode =
  | { readonly kind: 'decide' }
  | { readonly kind: 'read_only' }
  | { readonly kind: 'dispatched'; readonly sentOn: CalendarDate | null };

/** The exclusions part of one page of the review list. */
export interface ExclusionsView {
  readonly mode: ExclusionMode;
  /** Every exclusion of the board's period, each matched against the cycle as it is now. */
  readonly matched: readonly MatchedExclusion[];
  /** The Excluded category's page (empty in the other categories). */
  readonly shown: readonly MatchedExclusion[];
  /** What the last click did ("2 students excluded: …"), said above the list. */
  readonly notices: readonly string[];
  /** Where "excluded on" is a date. */
  readonly timeZone: string;
}

/**
 * An option's label may be 75 characters (Slack); a name leaves room for the
 * student number, and a page's options must fit the Teams card beside the table.
 */
const optionNameMaxCharacters = 40;
/** The unmatched exclusions named in the note after a re-import; the rest are counted. */
const unmatchedNamedMax = 10;
/** Names and programmes in the list, as in the students' table (review-view.ts). */
const cellMaxCharacters = 80;
/** A note is shown shortened in the list (the journal and the meeting pack print it whole), for the Teams card's size. */
const noteCellMaxCharacters = 60;

/** The notices, the read-only lines and, after a re-import, the exclusions that no longer match. */
export function exclusionNotices(reader: Translator, view: ExclusionsView): Block[] {
  const { t } = reader;
  const blocks: Block[] = view.notices.map((notice) => ({ type: 'text', content: [notice] }));
  if (view.mode.kind === 'dispatched') {
    const sentOn = view.mode.sentOn === null ? null : reader.formatDate(view.mode.sentOn);
    blocks.push({ type: 'context', content: [t.exclusions.dispatched(sentOn)] });
    return blocks;
  }
  if (view.mode.kind === 'read_only') blocks.push({ type: 'context', content: [t.exclusions.onlyDeciders] });
  const unmatched = view.matched.filter((match) => match.now === null);
  if (unmatched.length > 0) {
    const named = unmatched.slice(0, unmatchedNamedMax).map(({ exclusion }) =>
      t.exclusions.studentOption({
        name: shortened(exclusion.snapshot.name, optionNameMaxCharacters),
        studentNumber: exclusion.studentNumber,
      }),
    );
    blocks.push({
      type: 'text',
      content: [
        t.exclusions.unmatched({
          count: unmatched.length,
          students: named,
          more: unmatched.length - named.length,
        }),
      ],
    });
  }
  return blocks;
}

/** The category cell of a student in the list: her category, and the mark and reason if she is excluded. */
export function categoryCell(reader: Translator, student: ReviewRow): string {
  const { t } = reader;
  const category = t.category[student.category];
  if (!student.exclusionReason) return category;
  return t.exclusions.excludedMark({ category, reason: t.exclusions.reason[student.exclusionReason] });
}

/**
 * The Excluded category: who, why, the note, by whom and when; or that nobody
 * is excluded. No programme column (the programme menu filters by it): a
 * page must fit one Teams card.
 */
export function excludedTable(reader: Translator, view: ExclusionsView): Block[] {
  const { t } = reader;
  if (view.shown.length === 0) return [{ type: 'text', content: [t.exclusions.noneExcluded] }];
  const { column } = t.review;
  return [
    {
      type: 'table',
      columns: [
        { header: column.studentNumber },
        { header: column.name },
        { header: column.category },
        { header: t.exclusions.column.reason },
        { header: t.exclusions.column.note },
        { header: t.exclusions.column.excludedBy },
        { header: t.exclusions.column.excludedOn },
      ],
      rows: view.shown.map(({ exclusion, now }) => {
        const student = now ?? exclusion.snapshot;
        const category = t.category[student.category];
        return [
          exclusion.studentNumber,
          shortened(student.name, cellMaxCharacters),
          now === null ? `${category} – ${t.exclusions.noLongerInFile}` : category,
          t.exclusions.reason[exclusion.reason],
          exclusion.note === null ? '' : shortened(exclusion.note, noteCellMaxCharacters),
          exclusion.excludedBy,
          reader.formatDate(todayIn(view.timeZone, exclusion.excludedAt)),
        ];
      }),
    },
  ];
}

/** The students of the page the chair can exclude: red or yellow, followed up by this board, not excluded yet. */
export function excludableOnPage(rows: readonly ReviewRow[]): ReviewRow[] {
  return rows.filter(
    (student) =>
      (student.category === 'red' || student.category === 'yellow') &&
      student.routing !== 'forwarded_out' &&
      !student.exclusionReason,
  );
}

/**
 * The controls under the list, for the chair or a delegate of a draft cycle:
 * in the students' categories, exclude (the page's students, a reason, a
 * note); in the Excluded category, undo. The blocks hold the explanation and
 * the button; the fields follow them (a form's fields come after its blocks).
 */
export function exclusionControls(
  reader: Translator,
  view: ExclusionsView,
  excluded: boolean,
  rows: readonly ReviewRow[],
): { readonly blocks: Block[]; readonly fields: FormField[] } {
  const { t } = reader;
  if (view.mode.kind !== 'decide') return { blocks: [], fields: [] };
  if (excluded) {
    if (view.shown.length === 0) return { blocks: [], fields: [] };
    const undo: ActionElement = {
      type: 'button',
      actionId: reviewActions.undoExclusion,
      label: t.exclusions.undoButton,
    };
    return {
      blocks: [
        { type: 'text', content: [t.exclusions.undoHowTo] },
        { type: 'actions', elements: [undo] },
      ],
      fields: [
        {
          id: exclusionFieldIds.undo,
          kind: 'multiselect',
          label: t.exclusions.undoLabel,
          placeholder: t.exclusions.studentsPlaceholder,
          optional: true,
          options: view.shown.map(({ exclusion, now }) => ({
            label: t.exclusions.studentOption({
              name: shortened((now ?? exclusion.snapshot).name, optionNameMaxCharacters),
              studentNumber: exclusion.studentNumber,
            }),
            value: exclusion.studentNumber,
          })),
        },
      ],
    };
  }
  const excludable = excludableOnPage(rows);
  if (excludable.length === 0) return { blocks: [], fields: [] };
  const exclude: ActionElement = {
    type: 'button',
    actionId: reviewActions.exclude,
    label: t.exclusions.excludeButton,
    style: 'primary',
  };
  return {
    blocks: [
      { type: 'text', content: [t.exclusions.howTo] },
      { type: 'actions', elements: [exclude] },
    ],
    fields: [
      {
        id: exclusionFieldIds.students,
        kind: 'multiselect',
        label: t.exclusions.studentsLabel,
        placeholder: t.exclusions.studentsPlaceholder,
        optional: true,
        options: excludable.map((student) => ({
          label: t.exclusions.studentOption({
            name: shortened(student.name, optionNameMaxCharacters),
            studentNumber: student.studentNumber,
          }),
          value: student.studentNumber,
        })),
      },
      {
        id: exclusionFieldIds.reason,
        kind: 'select',
        label: t.exclusions.reasonLabel,
        placeholder: t.exclusions.reasonPlaceholder,
        optional: true,
        options: exclusionReasons.map((reason) => ({ label: t.exclusions.reason[reason], value: reason })),
      },
      {
        id: exclusionFieldIds.note,
        kind: 'multiline',
        label: t.exclusions.noteLabel,
        hint: t.exclusions.noteHint,
        optional: true,
        maxLength: exclusionNoteMaxLength,
      },
    ],
  };
}
