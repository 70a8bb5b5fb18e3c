import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mentionsSeriousMatter } from '../../../../src/procedures/deviations/use-cases/intake/whistleblowing-guard.js';
import { defaultWhistleblowingWords } from '../../../../src/procedures/deviations/whistleblowing-words.js';
import type { Database } from '../../../../src/storage/database.js';
import { deviationsInstitution, people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import { actorOf, aReport, formOf, formText, intakeBot } from './intake-harness.js';

describe('the guard’s reading of a report’s words', () => {
  const words = { nb: ['trakass', 'ikke fulgt opp'], da: ['krænk'], en: ['threat'] };
  const mentions = (text: string) => mentionsSeriousMatter([text], words);

  it('a word matches a word of the text that starts with it', () => {
    expect(mentions('Hun ble trakassert i timen')).toBe(true);
    expect(mentions('He threatened me after the lecture')).toBe(true);
    expect(mentions('The lecture hall is too cold')).toBe(false);
  });

  it('not the middle of another word', () => {
    expect(mentions('The atmosphere was unthreatening')).toBe(false);
  });

  it('ignores case and accents, and æ, ø and å as people type them without', () => {
    expect(mentions('TRAKASSERING')).toBe(true);
    expect(mentions('Jeg følte mig krænket')).toBe(true);
    expect(mentions('jeg folte mig kraenket')).toBe(true);
    expect(mentionsSeriousMatter(['Han truet meg'], { nb: ['truet'], da: [], en: [] })).toBe(true);
    expect(mentions('Jeg ble trakássért')).toBe(true);
  });

  it('a phrase matches the same words in a row, each by its beginning', () => {
    expect(mentions('Saken ble ikke fulgt opp av instituttet')).toBe(true);
    expect(mentions('Saken ble ikke fulgte opp')).toBe(true);
    expect(mentions('Ikke alt ble fulgt opp')).toBe(false);
  });

  it('every language’s list is read, whatever the text’s language', () => {
    expect(mentions('In the lab I was trakassert by a fellow student')).toBe(true);
    expect(mentionsSeriousMatter(['Jeg blev mobbet'], defaultWhistleblowingWords)).toBe(true);
  });

  it('any of the texts can match', () => {
    expect(mentionsSeriousMatter(['R7, Monday', 'a threat'], words)).toBe(true);
    expect(mentionsSeriousMatter(['', ''], words)).toBe(false);
  });
});

let database: Database;
let bot: ReturnType<typeof intakeBot>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  await database.prisma.deviationCase.deleteMany();
  bot = intakeBot(database);
});

const student = actorOf(people.student);
const caseCount = () => database.prisma.deviationCase.count();

const route = [
  'If you are in doubt, you can talk to someone with a duty of confidentiality:',
  'Vera Varsel, Student ombudsman\nombud@uni.example',
];

describe(`the whistleblowing guard (${testDatabaseEngine()})`, () => {
  it('she answers that it is a serious matter: the route and its contacts, no way to file it, nothing stored', async () => {
    const words = 'My supervisor keeps making remarks about my body.';
    const form = await bot.openForm(student);
    const shown = formOf(
      await bot.submit(student, form, { ...aReport, description: words, seriousMatter: 'yes' }),
    );
    expect(shown).toMatchObject({ formId: 'deviations.intake.done', title: 'Whistleblowing', fields: [] });
    expect(formText(shown)).toBe(
      [
        'This belongs on the whistleblowing route',
        'Harassment, sexual harassment, bullying, violence, threats and other censurable matters are not deviations. Report them through the institution’s whistleblowing route, where they are handled in confidence. Nothing of what you wrote has been stored.',
        'Go to the whistleblowing route',
        ...route,
      ].join('\n'),
    );
    expect(shown.blocks?.[2]).toEqual({
      type: 'text',
      content: [
        { kind: 'link', text: 'Go to the whistleblowing route', url: 'https://uni.example/whistleblowing' },
      ],
    });
    // Nothing of her words in the view that is kept open, nothing filed, nobody told, nothing logged.
    expect(JSON.stringify(shown)).not.toContain('remarks');
    expect(await caseCount()).toBe(0);
    expect(bot.directMessages()).toEqual([]);
    expect(bot.logs.text()).toBe('');
  });

  it('a yes stops the report even when the rest of the form is empty', async () => {
    const form = await bot.openForm(student);
    const shown = formOf(await bot.submit(student, form, { seriousMatter: 'yes' }));
    expect(shown.title).toBe('Whistleblowing');
    expect(await caseCount()).toBe(0);
  });

  it.each([
    ['Norwegian', 'Jeg ble trakassert av en medstudent etter forelesningen.'],
    ['English', 'A fellow student has been bullying me in the lab group.'],
    ['Danish', 'Underviseren krænkede mig foran hele holdet.'],
  ])(
    '%s serious words in an answer of “no”: the route, and a box to file it anyway; nothing filed yet',
    async (_, words) => {
      const form = await bot.openForm(student);
      const shown = formOf(await bot.submit(student, form, { ...aReport, description: words }));
      expect(shown.formId).toBe('deviations.intake.report');
      expect(shown.state).toBe(form.state);
      expect(formText(shown)).toBe(
        [
          'This belongs on the whistleblowing route',
          'What you wrote may be about harassment, bullying, violence, threats or another censurable matter. Such matters are not deviations: report them through the whistleblowing route, where they are handled in confidence. Nothing has been filed yet.',
          'Go to the whistleblowing route',
          ...route,
          '',
        ].join('\n'),
      );
      expect(shown.fields.at(-1)).toEqual({
        id: 'notSerious',
        kind: 'checkbox',
        label: 'This is not about such a matter',
        placeholder: 'Yes, file it as a deviation',
        hint: 'Tick the box and submit again if your report is a deviation after all.',
        optional: true,
        initialValue: false,
      });
      expect(await caseCount()).toBe(0);
      expect(bot.directMessages()).toEqual([]);
    },
  );

  it('the words in “where and when” count too', async () => {
    const form = await bot.openForm(student);
    const shown = formOf(
      await bot.submit(student, form, { ...aReport, whereWhen: 'After the threats in R7' }),
    );
    expect(shown.fields.some((field) => field.id === 'notSerious')).toBe(true);
    expect(await caseCount()).toBe(0);
  });

  it('confirming it is no such matter files it, recorded as guardOverridden; the words are never logged', async () => {
    const words = 'The exam rules were a threat to fair assessment: nobody knew the format.';
    const form = await bot.openForm(student);
    const guarded = formOf(await bot.submit(student, form, { ...aReport, description: words }));
    // Submitted again without the box: still the route, still nothing filed.
    const still = formOf(await bot.submit(student, guarded, { ...aReport, description: words }));
    expect(formText(still)).toContain('This belongs on the whistleblowing route');
    expect(await caseCount()).toBe(0);

    const receipt = formOf(
      await bot.submit(student, guarded, { ...aReport, description: words, notSerious: true }),
    );
    expect(formText(receipt)).toContain('Thank you: deviation');
    const [filed] = await bot.store.casesOfReporter(people.student);
    expect(filed?.description).toBe(words);
    expect((await bot.store.history(filed?.id ?? '')).map((event) => [event.kind, event.details])).toEqual([
      ['filed', { category: 'timetabling', unit: 'course:TDT4100', guardOverridden: true }],
    ]);
    expect(bot.directMessages().map((message) => message.to)).toEqual([
      people.student,
      people.ownerIe1,
      people.ownerIe2,
    ]);
    expect(bot.logs.text()).not.toContain('threat');
    expect(bot.logs.text()).not.toContain('exam rules');
  });

  it('a report without such words needs no confirmation and records no override', async () => {
    const form = await bot.openForm(student);
    await bot.submit(student, form, { ...aReport, notSerious: true });
    const [filed] = await bot.store.casesOfReporter(people.student);
    expect((await bot.store.history(filed?.id ?? ''))[0]?.details).toEqual({
      category: 'timetabling',
      unit: 'course:TDT4100',
    });
  });

  it('an institution’s own word list replaces the built-in one for its language', async () => {
    bot = intakeBot(database, {
      config: deviationsInstitution({
        whistleblowing: {
          link: 'https://uni.example/varsling',
          words: { en: ['unfair treatment'] },
        },
      }),
    });
    const form = await bot.openForm(student);
    const shown = formOf(
      await bot.submit(student, form, { ...aReport, description: 'Unfair treatments at the oral exam.' }),
    );
    expect(formText(shown)).toContain('This belongs on the whistleblowing route');
    expect(formText(shown)).not.toContain('duty of confidentiality');
    // "bullying" is no longer an English word of the guard; Norwegian and Danish keep theirs.
    const other = await bot.openForm(student);
    formOf(await bot.submit(student, other, { ...aReport, description: 'Some bullying in the group.' }));
    expect(await caseCount()).toBe(1);
  });
});
