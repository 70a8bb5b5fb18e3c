import { renderCategoryChart } from '../../../../charts/category-chart.js';
import { renderTrendChart } from '../../../../charts/trend-chart.js';
import { nameIn } from '../../../../config/institution-config.js';
import type { Language } from '../../../../i18n/languages.js';
import { type Translator, translatorForLocale } from '../../../../i18n/translator.js';
import type { Block, ImageRef, Inline, Message, PersonRef } from '../../../../messages/message-model.js';
import { trafficLights } from '../../traffic-light.js';
import type { ReminderComposer, ReminderContent } from '../send-exam-period-reminders.js';

/** The action a "Review students" click carries: which board's which period. */
export const reviewActionId = 'at-risk.review';

export function reviewActionValue(boardCode: string, term: string, year: number): string {
  return `${boardCode}|${term}|${year}`;
}

/**
 * The reminder as a neutral message: heading, who it is for, the counts with
 * their change since the previous cycle, the red movements, side subjects, the
 * § 31 flags, missing e-mails, the charts, and the button to review students.
 */
export class ReminderMessageComposer implements ReminderComposer {
  // A board's channel post and its copies show the same charts: each is drawn
  // once per board, period and language (drawing one takes tens of milliseconds).
  private readonly charts = new Map<string, Promise<ImageRef>>();

  constructor(
    private readonly institutionLanguage: Language,
    private readonly mandatoryContactMonths: number,
  ) {}

  async compose(content: ReminderContent): Promise<Message> {
    // A channel (locale null) reads the institution's language; a copy its reader's.
    const reader = translatorForLocale(content.locale, this.institutionLanguage);
    const { t } = reader;
    const { board, period, cycle } = content;
    const boardName = nameIn(board, reader.language);
    const heading = t.reminder.heading({ period, boardName });
    const blocks: Block[] = [{ type: 'heading', text: heading }];
    if (content.copyFor)
      blocks.push({ type: 'context', content: [t.copyToManager.intro({ period, boardName })] });
    blocks.push({
      type: 'text',
      content: t.reminder.intro({
        chair: mention(content.recipients.chair),
        secretary: mention(content.recipients.secretary),
        period,
      }),
    });

    if (!cycle) {
      blocks.push({ type: 'text', content: [t.reminder.exportMissing(period)] });
    } else {
      blocks.push(...(await this.summaryBlocks(content, reader)));
    }
    if (content.unreachable.length > 0) {
      blocks.push({
        type: 'context',
        content: [t.reminder.couldNotNotify(content.unreachable.map((person) => person.displayName))],
      });
    }
    return { fallbackText: heading, blocks };
  }

  private async summaryBlocks(content: ReminderContent, reader: Translator): Promise<Block[]> {
    const { t } = reader;
    const { board, period, comparison } = content;
    const cycle = content.cycle;
    if (!cycle) return [];
    const previous = comparison?.previous ?? null;
    const change = comparison?.change ?? null;
    const blocks: Block[] = [
      { type: 'text', content: [{ kind: 'styled', text: t.reminder.countsHeading, bold: true }] },
      {
        type: 'facts',
        facts: [
          ...trafficLights.map((light) => ({
            label: t.category[light],
            value: [
              change && previous
                ? t.reminder.countWithChange({
                    count: cycle.counts[light],
                    change: change[light],
                    since: previous,
                  })
                : reader.formatNumber(cycle.counts[light]),
            ],
          })),
          { label: t.category.out_of_scope, value: [reader.formatNumber(cycle.counts.out_of_scope)] },
        ],
      },
    ];
    const notes: string[] = [];
    if (previous && comparison) {
      notes.push(
        t.reminder.newlyRed(comparison.newlyRed.length),
        t.reminder.leftRed(comparison.leftRed.length),
      );
    }
    if (cycle.forwardedOut > 0) notes.push(t.reminder.forwardedOut(cycle.forwardedOut));
    if (cycle.forwardedIn > 0) notes.push(t.reminder.forwardedIn(cycle.forwardedIn));
    if (cycle.uncontactedOverdue > 0) {
      notes.push(
        t.reminder.uncontactedOverdue({
          count: cycle.uncontactedOverdue,
          months: this.mandatoryContactMonths,
        }),
      );
    }
    if (cycle.noEmail > 0) notes.push(t.reminder.noEmail(cycle.noEmail));
    if (notes.length > 0) blocks.push({ type: 'text', content: [notes.join('\n')] });
    if (!previous) blocks.push({ type: 'context', content: [t.reminder.noPreviousCycle] });

    const categoryTitle = t.charts.categoryTitle(period);
    const categoryChart = await this.chart(['category', reader.language, categoryTitle, cycle.counts], () =>
      renderCategoryChart({ counts: cycle.counts, translator: reader, title: categoryTitle }),
    );
    blocks.push({ type: 'image', image: categoryChart, altText: t.charts.categoryAltText(cycle.counts) });
    if (content.history.length > 1) {
      const cycles = content.history.map((past) => ({ label: t.period.name(past), counts: past.counts }));
      blocks.push({
        type: 'image',
        image: await this.chart(['trend', reader.language, cycles], () =>
          renderTrendChart({ cycles, translator: reader, title: t.charts.trendTitle }),
        ),
        altText: t.charts.trendAltText(cycles),
      });
    }
    blocks.push(
      { type: 'text', content: [t.reminder.reviewRequest] },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: reviewActionId,
            label: t.reminder.reviewButton,
            value: reviewActionValue(board.code, period.term, period.year),
            style: 'primary',
            // The click opens the review list as one view (a modal, a dialog, a panel).
            opensForm: true,
          },
        ],
      },
    );
    return blocks;
  }

  /** The chart for this content, drawn once; the cache is emptied when it grows past a run's worth. */
  private chart(key: unknown, draw: () => Promise<ImageRef>): Promise<ImageRef> {
    const cacheKey = JSON.stringify(key);
    const cached = this.charts.get(cacheKey);
    if (cached) return cached;
    if (this.charts.size >= chartCacheSize) this.charts.clear();
    // The promise is cached: a copy composed while its channel's chart is still encoding waits for that one.
    const image = draw();
    this.charts.set(cacheKey, image);
    image.catch(() => this.charts.delete(cacheKey));
    return image;
  }
}

const chartCacheSize = 512;

function mention(person: PersonRef): Inline {
  return { kind: 'mention', person };
}
