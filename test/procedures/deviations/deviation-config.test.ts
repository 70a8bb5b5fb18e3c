import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load-config.js';
import { problemsOf, validYaml } from '../../config/config-fixtures.js';

// validYaml has 27 lines; the deviations section starts on line 28.
const withDeviations = (section: string) => `${validYaml}deviations:\n${section}`;
const whistleblowing = `  whistleblowing:
    link: https://uni.example/varsling
`;

describe('the deviations section of the configuration', () => {
  it('is optional: without it the procedure is off', () => {
    expect(parseConfigText(validYaml, 'test.yaml').deviations).toBeNull();
  });

  it('fills in the defaults: command names, four weeks, a reminder at three weeks, the built-in word lists', () => {
    const config = parseConfigText(
      withDeviations(`  reportOwners:
    - faculty: TECH
      people: [owner@test.example]
${whistleblowing}`),
      'test.yaml',
    );
    expect(config.deviations).toMatchObject({
      commandNames: { nb: 'avvik', da: 'afvigelse', en: 'deviation' },
      deadlineDays: 28,
      reminderDays: 21,
      lineManager: 'head_of_department',
      descriptionMaxLength: 3000,
      redirectedTextRetentionDays: 30,
      courses: [],
    });
    expect(config.deviations?.whistleblowing.words.nb).toContain('trakass');
  });

  it('names every unknown faculty, department or programme, and a course whose faculty cannot be told, at its line', () => {
    expect(
      problemsOf(
        withDeviations(`  reportOwners:
    - faculty: TEKNO
      people: [owner@test.example]
    - faculty: TECH
      people: [owner@test.example]
    - faculty: TECH
      people: [other@test.example]
  courses:
    - { code: C1, name: One, department: NOPE }
    - { code: C2, name: Two }
    - { code: C3, name: Three, faculty: HUM, department: CS }
    - { code: DAT-BSC, name: Clash, faculty: TECH }
${whistleblowing}`),
      ),
    ).toEqual([
      'test.yaml:30:16: deviations.reportOwners[0].faculty: no faculty has the code "TEKNO"',
      'test.yaml:34:16: deviations.reportOwners[2].faculty: faculty TECH already has its report owners above',
      'test.yaml:37:42: deviations.courses[0].department: no department has the code "NOPE"',
      'test.yaml:38:15: deviations.courses[1].code: give the course a faculty:, a department: or a programme:, so its reports reach a faculty',
      "test.yaml:39:58: deviations.courses[2].department: belongs to faculty TECH, but the course's faculty says HUM",
      'test.yaml:40:15: deviations.courses[3].code: "DAT-BSC" is already the code of a programme',
    ]);
  });

  it('refuses a reminder at or after the deadline, a bad link, and a command name Slack would not take', () => {
    expect(
      problemsOf(
        withDeviations(`  commandNames: { nb: "/avvik" }
  reportOwners:
    - faculty: TECH
      people: [owner@test.example]
  deadlineDays: 14
  reminderDays: 14
  whistleblowing:
    link: ftp://uni.example/varsling
`),
      ),
    ).toEqual([
      'test.yaml:29:23: deviations.commandNames.nb: must be a command name without the slash: lower-case letters, digits, - or _',
      'test.yaml:34:17: deviations.reminderDays: must be fewer than deadlineDays (14)',
      'test.yaml:36:11: deviations.whistleblowing.link: must be an http(s) address',
    ]);
  });
});
