import { expect } from 'vitest';
import type { Block, ImageRef, Message, PersonRef } from '../../../../src/messages/message-model.js';
import type {
  TeamsActivityPage,
  TeamsRenderContext,
} from '../../../../src/surfaces/teams/adaptive-card/index.js';
import { adaptiveCardProblems } from '../../../support/adaptive-card-schema.js';

/** A teacher Teams knows, and one it does not. */
export const anna: PersonRef = { email: 'anna.berg@uni.example', displayName: 'Anna Berg' };
export const bo: PersonRef = { email: 'bo.dahl@uni.example', displayName: 'Bo Dahl' };

export const chart: ImageRef = {
  id: 'sha256-3f2a',
  png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]),
  width: 800,
  height: 400,
};

export const teamsContext: TeamsRenderContext = {
  mentionFor: (person) => (person.email === anna.email ? { id: '29:1anna', name: 'Anna Berg' } : null),
  imageUrlFor: () => null,
  fileUrlFor: (file) => `https://bot.example/files/${file.id}/${file.fileName}`,
};

export function messageOf(...blocks: Block[]): Message {
  return { fallbackText: 'Trafiklys', blocks };
}

/** The one card of a page, after checking it is a valid Adaptive Card 1.5. */
export function cardOf(page: TeamsActivityPage | undefined) {
  const card = page?.attachments[0].content;
  expect(adaptiveCardProblems(card)).toEqual([]);
  if (card === undefined) throw new Error('No page');
  return card;
}

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
