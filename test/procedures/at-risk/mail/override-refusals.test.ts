import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig, parseConfigText } from '../../../../src/config/load-config.js';
import { MailTemplates } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { problemsOf } from '../../../config/config-fixtures.js';
import { aStudent, yamlWithMail } from './mail-config.js';

/**
 * One override, its keys at fixed lines (the `mail:` section starts at line
 * 28 of the test configuration):
 *
 * 28 mail:
 * 29   overrides:
 * 30     - scope: …
 * 31       template: …
 * 32       language: …
 * 33       <part>: |          ← the problem's file position: line 33, column 7
 * 34         <template line 1>
 * 35         <template line 2> …
 */
function oneOverride(
  scope: string,
  template: string,
  language: string,
  part: string,
  lines: string[],
): string {
  return yamlWithMail(`mail:
  overrides:
    - scope: ${scope}
      template: ${template}
      language: ${language}
      ${part}: |
${lines.map((line) => `        ${line}`).join('\n')}
`);
}

const knownInBodies =
  'student.name, student.programme, board.name, board.code, chair.name, chair.email, institution.name, bookingLink, guidanceServices, ectsBehind, delayMonths, delay, subject';

describe('an override that drops a required part is refused at load, naming the template, the place and the part', () => {
  test('a yellow text without the § 31 stk. 1 rights paragraph', () => {
    const yaml = oneOverride('{ board: SN-DAT }', 'yellow', 'da', 'text', [
      'Kære {{ student.name }}',
      '{{ guidance }}',
      '{{ contact }}',
    ]);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:33:7: mail.overrides[0].text: yellow/da text for board SN-DAT leaves out the § 31 stk. 1 rights paragraph {{ rights }}',
    ]);
  });

  test('a red HTML body without the § 31 stk. 2 meeting offer', () => {
    const yaml = oneOverride('{ department: CS }', 'red', 'en', 'html', [
      '<p>Dear {{ student.name }}</p>',
      '{{ rights }}',
      '{{ contact }}',
    ]);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:33:7: mail.overrides[0].html: red/en html for department CS leaves out the § 31 stk. 2 meeting offer {{ meetingOffer }}',
    ]);
  });

  test('an institution-wide text without the contact details, and a yellow one without the guidance services', () => {
    expect(
      problemsOf(oneOverride('institution', 'red', 'da', 'text', ['{{ rights }}', '{{ meetingOffer }}'])),
    ).toEqual([
      'test.yaml:33:7: mail.overrides[0].text: red/da text for the institution leaves out the contact details {{ contact }}',
    ]);
    expect(
      problemsOf(oneOverride('institution', 'yellow', 'en', 'text', ['{{ rights }}', '{{ contact }}'])),
    ).toEqual([
      'test.yaml:33:7: mail.overrides[0].text: yellow/en text for the institution leaves out the § 31 stk. 1 list of guidance services {{ guidance }}',
    ]);
  });

  test('a required part inside a condition, a loop or a capture, or behind a filter, does not count', () => {
    const hidden = [
      ['{% if student.name %}{{ rights }}{% endif %}', '{{ meetingOffer }}', '{{ contact }}'],
      [
        '{% for service in guidanceServices %}{{ rights }}{% endfor %}',
        '{{ meetingOffer }}',
        '{{ contact }}',
      ],
      ['{% capture later %}{{ rights }}{% endcapture %}', '{{ meetingOffer }}', '{{ contact }}'],
      ['{{ rights | truncate: 20 }}', '{{ meetingOffer }}', '{{ contact }}'],
    ];
    for (const lines of hidden) {
      expect(problemsOf(oneOverride('{ board: SN-DAT }', 'red', 'da', 'text', lines))).toEqual([
        'test.yaml:33:7: mail.overrides[0].text: red/da text for board SN-DAT has the § 31 stk. 2 rights paragraph {{ rights }} only inside a tag or with a filter; write it as it is, outside {% if %}, {% for %} and other tags, so it is always there',
      ]);
    }
  });

  test('a required part emptied by assigning its name first does not count', () => {
    const yaml = oneOverride('{ board: SN-DAT }', 'red', 'da', 'text', [
      '{% assign rights = "" %}',
      '{{ rights }} {{ meetingOffer }} {{ contact }}',
    ]);
    expect(problemsOf(yaml)).toEqual([
      "test.yaml:33:7: mail.overrides[0].text: red/da text for board SN-DAT sets {{ rights }} at template line 1, column 11, which would replace the mail's own value; give the template's value another name",
    ]);
    const counted = oneOverride('{ board: SN-DAT }', 'red', 'da', 'text', [
      '{{ rights }} {{ meetingOffer }} {{ contact }}{% capture student %}x{% endcapture %}',
    ]);
    expect(problemsOf(counted)).toEqual([
      "test.yaml:33:7: mail.overrides[0].text: red/da text for board SN-DAT sets {{ student }} at template line 1, column 57, which would replace the mail's own value; give the template's value another name",
    ]);
  });

  test('a subject needs no required part: it is one line, and the bodies carry them', () => {
    const yaml = yamlWithMail(`mail:
  overrides:
    - { scope: { board: SN-DAT }, template: red, language: da, subject: "Samtale, {{ student.name }}?" }
`);
    const dat = MailTemplates.fromConfig(parseConfigText(yaml, 'test.yaml')).forBoard('SN-DAT');
    expect(dat.compose('red', aStudent()).subject).toBe('Samtale, Sofie Jensen?');
  });
});

describe('an override that does not parse or names what a mail does not have is refused at load', () => {
  test('a Liquid syntax error gives the place inside the template too', () => {
    const yaml = oneOverride('{ board: SN-DAT }', 'red', 'da', 'text', [
      'Kære {{ student.name }}',
      '{{ rights }} {{ meetingOffer }} {{ contact }}',
      '{% if ectsBehind %}Du mangler {{ ectsBehind }} ECTS-point.',
    ]);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:33:7: mail.overrides[0].text: red/da text for board SN-DAT does not parse: tag {% if ectsBehind %} not closed at template line 3, column 1',
    ]);
  });

  test('an unknown placeholder, with where it is and what is known', () => {
    const yaml = oneOverride('{ board: SN-DAT }', 'red', 'da', 'text', [
      'Kære {{ student.name }}',
      'Dit CPR-nummer er {{ student.cpr }}.',
      '{{ rights }} {{ meetingOffer }} {{ contact }}',
    ]);
    expect(problemsOf(yaml)).toEqual([
      `test.yaml:33:7: mail.overrides[0].text: red/da text for board SN-DAT uses the unknown placeholder {{ student.cpr }} at template line 2, column 22 (known: ${knownInBodies}, rights, meetingOffer, guidance, contact)`,
    ]);
  });

  test('an unknown filter, and the raw filter that would let a value into the HTML unescaped', () => {
    const filtered = oneOverride('{ board: SN-DAT }', 'yellow', 'en', 'html', [
      '<p>{{ student.name | shout }}</p>',
      '{{ rights }} {{ guidance }} {{ contact }}',
    ]);
    expect(problemsOf(filtered)).toEqual([
      'test.yaml:33:7: mail.overrides[0].html: yellow/en html for board SN-DAT does not parse: undefined filter: shout at template line 1, column 4',
    ]);
    const raw = oneOverride('{ board: SN-DAT }', 'yellow', 'en', 'html', [
      '{{ rights }} {{ guidance }} {{ contact }}',
      '<p>{{ student.name | raw }}</p>',
    ]);
    expect(problemsOf(raw)).toEqual([
      'test.yaml:33:7: mail.overrides[0].html: yellow/en html for board SN-DAT does not parse: undefined filter: raw at template line 2, column 4',
    ]);
  });

  test('a required part in the subject, and the meeting offer in the yellow mail', () => {
    const subject = yamlWithMail(`mail:
  overrides:
    - scope: { board: SN-DAT }
      template: red
      language: da
      subject: "Samtale: {{ meetingOffer }}"
`);
    expect(problemsOf(subject)).toEqual([
      'test.yaml:33:7: mail.overrides[0].subject: red/da subject for board SN-DAT uses {{ meetingOffer }} at template line 1, column 13, which belongs in the text and the HTML body',
    ]);
    const yellow = oneOverride('{ board: SN-DAT }', 'yellow', 'da', 'text', [
      '{{ rights }} {{ guidance }} {{ contact }}',
      '{{ meetingOffer }}',
    ]);
    expect(problemsOf(yellow)).toEqual([
      'test.yaml:33:7: mail.overrides[0].text: yellow/da text for board SN-DAT uses {{ meetingOffer }} at template line 2, column 4, which only the red template has',
    ]);
  });

  test('another template pulled in with include or render', () => {
    const yaml = oneOverride('{ board: SN-DAT }', 'red', 'da', 'text', [
      '{{ rights }} {{ meetingOffer }} {{ contact }}',
      "{% include 'footer' %}",
    ]);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:33:7: mail.overrides[0].text: red/da text for board SN-DAT uses {% include %} at template line 2, column 1; a mail template is one text and cannot include another',
    ]);
  });

  test('a template that renders only when an optional value is there', () => {
    const yaml = oneOverride('institution', 'yellow', 'en', 'text', [
      '{{ rights }} {{ guidance }} {{ contact }}',
      'Start with {{ guidanceServices.first.name }}.',
    ]);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:33:7: mail.overrides[0].text: yellow/en text for the institution cannot be rendered without the values that may be missing (a chair’s name, a booking link, guidance services, the ECTS and delay figures): undefined variable: guidanceServices.first at template line 2, column 15',
    ]);
  });
});

describe('the mail section’s shape and references', () => {
  test('a scope must name a board or department of the file, and a template/language is overridden once per scope', () => {
    const yaml = yamlWithMail(`mail:
  boards:
    SN-XYZ: { bookingLink: https://booking.test.example/ }
  overrides:
    - { scope: { board: SN-NONE }, template: red, language: da, subject: Hej }
    - { scope: { department: NOPE }, template: red, language: da, subject: Hej }
    - { scope: institution, template: red, language: en, subject: Hi }
    - { scope: institution, template: red, language: en, subject: Hello }
`);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:30:13: mail.boards.SN-XYZ: "SN-XYZ" is not a study board (known: SN-DAT, SN-HIST)',
      'test.yaml:32:25: mail.overrides[0].scope.board: "SN-NONE" is not a study board (known: SN-DAT, SN-HIST)',
      'test.yaml:33:30: mail.overrides[1].scope.department: "NOPE" is not a department (known: CS)',
      'test.yaml:35:7: mail.overrides[3]: a second override of red/en for the institution (the first is mail.overrides[2]); put its parts in one',
    ]);
  });

  test('an override must override something, and its scope, template and language must be ones there are', () => {
    const yaml = yamlWithMail(`mail:
  overrides:
    - { scope: { board: SN-DAT }, template: red, language: da }
    - { scope: { faculty: TECH }, template: green, language: sv, text: x }
`);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:30:7: mail.overrides[0]: give at least one of subject, text, html',
      'test.yaml:31:16: mail.overrides[1].scope: must be institution, or exactly one of {board: CODE}, {department: CODE}',
      'test.yaml:31:45: mail.overrides[1].template: "green" is not one of: yellow, red',
      'test.yaml:31:62: mail.overrides[1].language: "sv" is not one of: da, en',
    ]);
  });

  test('links must be web addresses, guidance e-mails addresses, and unknown keys are named', () => {
    const yaml = yamlWithMail(`mail:
  bookingLink: javascript:alert(1)
  guidanceServices:
    - { name: Vejledning, url: "ftp://files.test.example", email: nobody }
  overides: []
`);
    expect(problemsOf(yaml)).toEqual([
      'test.yaml:29:16: mail.bookingLink: not a web address (like https://booking.example.dk/)',
      'test.yaml:31:32: mail.guidanceServices[0].url: not a web address (like https://booking.example.dk/)',
      'test.yaml:31:67: mail.guidanceServices[0].email: not an e-mail address',
      'test.yaml:32:3: mail: unknown key "overides" (did you mean "overrides"?)',
    ]);
  });
});

describe('the bot does not start with such a configuration', () => {
  test('loading the file fails with config.invalid and the same message', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'trafiklys-mail-'));
    try {
      const path = join(folder, 'trafiklys.config.yaml');
      await writeFile(
        path,
        oneOverride('{ board: SN-DAT }', 'red', 'da', 'text', ['{{ meetingOffer }}', '{{ contact }}']),
      );
      await expect(loadConfig({ env: {}, cwd: folder })).rejects.toMatchObject({
        code: 'config.invalid',
        message: `${path} is not a valid Trafiklys configuration:\n${path}:33:7: mail.overrides[0].text: red/da text for board SN-DAT leaves out the § 31 stk. 2 rights paragraph {{ rights }}`,
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
