import { nameIn } from '../../../../config/institution-config.js';
import type { Translator } from '../../../../i18n/translator.js';
import { type TrafficLight, trafficLights } from '../../traffic-light.js';
import { type BoardMeetingFacts, exclusionsByReason } from '../board-meeting-facts.js';

/**
 * The pack's content once, in the reader's language, for both its forms: the
 * chat message and the PDF render the same sections, so they cannot come to
 * say different things.
 */
export interface BoardMeetingContent {
  readonly heading: string;
  readonly intro: string;
  readonly sections: readonly PackSection[];
  /** Small print after the sections (the comparison's absence). */
  readonly notes: readonly string[];
}

export interface PackSection {
  readonly title: string;
  /** A table: its header (for the PDF) and its rows, label first, figures after. */
  readonly table: { readonly header: readonly string[]; readonly rows: readonly PackRow[] } | null;
  /** Sentences under the table, or instead of one. */
  readonly lines: readonly string[];
}

export interface PackRow {
  readonly label: string;
  readonly figures: readonly string[];
  /** A total line, set apart. */
  readonly total?: boolean;
  /** The category a row counts, for the PDF's colour mark beside it. */
  readonly light?: TrafficLight;
}

export function boardMeetingContent(facts: BoardMeetingFacts, reader: Translator): BoardMeetingContent {
  const { t } = reader;
  const { period } = facts;
  return {
    heading: t.boardMeeting.heading({ period, boardName: nameIn(facts.board, reader.language) }),
    intro: t.boardMeeting.intro({ period, dispatchedOn: facts.dispatchedOn }),
    sections: [
      countsSection(facts, reader),
      mailsSection(facts, reader),
      exclusionsSection(facts, reader),
    ].concat(section31(facts, reader)),
    notes: facts.previous === null ? [t.reminder.noPreviousCycle] : [],
  };
}

function countsSection(facts: BoardMeetingFacts, reader: Translator): PackSection {
  const { t } = reader;
  const { previous, counts } = facts;
  const row = (label: string, count: number, change: number | null, light?: TrafficLight): PackRow => ({
    label,
    ...(light ? { light } : {}),
    figures: [
      reader.formatNumber(count),
      ...(previous ? [change === null ? '' : reader.formatSignedChange(change)] : []),
    ],
  });
  return {
    title: t.reminder.countsHeading,
    table: {
      header: [
        t.boardMeeting.column.category,
        t.boardMeeting.column.students,
        ...(previous ? [t.boardMeeting.column.change(previous.period)] : []),
      ],
      rows: [
        ...trafficLights.map((light) =>
          row(
            t.category[light],
            counts[light],
            previous ? counts[light] - previous.counts[light] : null,
            light,
          ),
        ),
        // Out of scope is counted, not classified: no change is shown for it, as in the reminder.
        row(t.category.out_of_scope, counts.out_of_scope, null),
      ],
    },
    lines: [],
  };
}

function mailsSection(facts: BoardMeetingFacts, reader: Translator): PackSection {
  const { t } = reader;
  const { mails } = facts;
  return {
    title: t.boardMeeting.mailsHeading,
    table: {
      header: [t.boardMeeting.column.mailStatus, t.boardMeeting.column.number],
      rows: [
        { label: t.boardMeeting.mailsSent, figures: [reader.formatNumber(mails.sent)] },
        { label: t.boardMeeting.mailsFailed, figures: [reader.formatNumber(mails.failed)] },
        { label: t.boardMeeting.withoutEmail, figures: [reader.formatNumber(mails.withoutEmail)] },
      ],
    },
    lines: [],
  };
}

function exclusionsSection(facts: BoardMeetingFacts, reader: Translator): PackSection {
  const { t } = reader;
  const byReason = exclusionsByReason(facts.exclusions);
  if (byReason.length === 0) {
    return { title: t.boardMeeting.exclusionsHeading, table: null, lines: [t.boardMeeting.noExclusions] };
  }
  const total = byReason.reduce((sum, { count }) => sum + count, 0);
  return {
    title: t.boardMeeting.exclusionsHeading,
    table: {
      header: [t.boardMeeting.column.reason, t.boardMeeting.column.students],
      rows: [
        ...byReason.map(({ reason, count }) => ({
          label: t.boardMeeting.exclusionReason[reason],
          figures: [reader.formatNumber(count)],
        })),
        { label: t.boardMeeting.total, figures: [reader.formatNumber(total)], total: true },
      ],
    },
    lines: [],
  };
}

function section31(facts: BoardMeetingFacts, reader: Translator): PackSection {
  const { t } = reader;
  const { section31: flags, thresholds } = facts;
  const lines = [
    t.boardMeeting.specialGuidance({
      count: flags.specialGuidance,
      months: thresholds.specialGuidanceMonths,
    }),
    t.boardMeeting.mandatoryContact({
      count: flags.mandatoryContact,
      months: thresholds.mandatoryContactMonths,
    }),
    t.boardMeeting.mandatoryContactExcluded(flags.mandatoryContactExcluded),
  ];
  if (flags.uncontactedOverdue > 0) {
    lines.push(
      t.reminder.uncontactedOverdue({
        count: flags.uncontactedOverdue,
        months: thresholds.mandatoryContactMonths,
      }),
    );
  }
  return { title: t.boardMeeting.section31Heading, table: null, lines };
}
