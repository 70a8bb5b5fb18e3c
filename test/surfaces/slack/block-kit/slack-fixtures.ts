import type { Block, ImageRef, Message, PersonRef } from '../../../../src/messages/message-model.js';
import type { SlackRenderContext } from '../../../../src/surfaces/slack/block-kit/index.js';

/** A teacher Slack knows, and one it does not. */
export const anna: PersonRef = { email: 'anna.berg@uni.example', displayName: 'Anna Berg' };
export const bo: PersonRef = { email: 'bo.dahl@uni.example', displayName: 'Bo Dahl' };

export const chart: ImageRef = {
  id: 'sha256-3f2a',
  png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]),
  width: 800,
  height: 400,
};

/** Anna is U0ANNA; the chart is uploaded; nothing else is known. */
export const slackContext: SlackRenderContext = {
  mentionFor: (person) => (person.email === anna.email ? 'U0ANNA' : null),
  imageUrlFor: (image) => (image.id === chart.id ? 'https://files.slack.example/chart.png' : null),
};

export const nothingKnown: SlackRenderContext = { mentionFor: () => null, imageUrlFor: () => null };

export function messageOf(...blocks: Block[]): Message {
  return { fallbackText: 'Trafiklys', blocks };
}

/** A study board's list: name, student number, programme and ECTS (right-aligned), one row per student. */
export function studentTable(count: number): Extract<Block, { type: 'table' }> {
  return {
    type: 'table',
    columns: [
      { header: 'Name' },
      { header: 'Student no.' },
      { header: 'Programme' },
      { header: 'ECTS', align: 'right' },
    ],
    rows: Array.from({ length: count }, (_, index) => [
      `Student ${String(index + 1).padStart(4, '0')}`,
      `s${String(200000 + index)}`,
      index % 2 === 0 ? 'Biology (BSc)' : 'Molecular Biomedicine (MSc)',
      String((index * 7.5) % 180),
    ]),
  };
}
