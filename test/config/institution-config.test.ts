import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { managerRoles, nameIn } from '../../src/config/institution-config.js';
import { demoConfigPath, parseConfigText } from '../../src/config/load-config.js';
import { defaultThresholds } from '../../src/procedures/at-risk/config-section.js';
import { editedYaml, problemsOf, validYaml } from './config-fixtures.js';

describe('a valid configuration', () => {
  test('the demo configuration parses, with boards, programmes and a manager for every role', async () => {
    const config = parseConfigText(await readFile(demoConfigPath(), 'utf8'), demoConfigPath());

    expect(config.institution).toEqual({
      name: 'Demo University',
      language: 'da',
      timeZone: 'Europe/Copenhagen',
    });
    expect(config.boards.length).toBeGreaterThanOrEqual(6);
    expect(config.boards.length).toBeLessThanOrEqual(8);
    expect(config.boards.map((board) => board.code)).toEqual(
      expect.arrayContaining(['SN-DAT', 'SN-MED', 'SN-HIST']),
    );
    for (const board of config.boards) {
      expect(config.programmes.some((programme) => programme.board === board.code)).toBe(true);
      expect(board.chair).toMatch(/@demo\.example$/);
      expect(board.channels.console).toBe(board.code.toLowerCase());
    }
    for (const role of managerRoles)
      expect(config.managers.some((manager) => manager.role === role)).toBe(true);
    expect(config.schedule).toEqual({ cron: '0 9 * 4,10 1#1', timeZone: 'Europe/Copenhagen' });
    expect(config.thresholds).toEqual(defaultThresholds);
    expect(config.importFolder).toBeNull();
  });

  test('every key left out gets its documented default', () => {
    const config = parseConfigText(validYaml, '/etc/trafiklys/test.yaml');

    expect(config.institution).toEqual({
      name: 'Test University',
      language: 'da',
      timeZone: 'Europe/Copenhagen',
    });
    expect(config.managers).toEqual([]);
    expect(config.boards[0]).toEqual({
      code: 'SN-DAT',
      name: 'Computer Science',
      faculty: 'TECH',
      department: 'CS',
      chair: 'chair@test.example',
      secretary: 'sec@test.example',
      delegates: [],
      channels: { console: 'sn-dat' },
      names: {},
    });
    expect(config.schedule).toEqual({ cron: '0 9 * 4,10 1#1', timeZone: 'Europe/Copenhagen' });
    expect(config.thresholds).toEqual({
      greenMaxBehind: 5,
      redMinBehind: 15,
      inactivityMonths: 12,
      ectsPerMonth: 5,
      specialGuidanceMonths: 6,
      mandatoryContactMonths: 12,
    });
    expect(config.importFolder).toBeNull();
    expect(config.columnAliases).toEqual({});
    expect(config.console).toEqual({ people: [] });
  });

  test('console.people are e-mail addresses; anything else is named by its place', () => {
    const config = parseConfigText(
      `${validYaml}console:\n  people: [student@test.example]\n`,
      '/etc/trafiklys/test.yaml',
    );
    expect(config.console.people).toEqual(['student@test.example']);

    expect(problemsOf(`${validYaml}console:\n  people: [not-an-address]\n`)).toEqual([
      expect.stringContaining('console.people[0]: not an e-mail address'),
    ]);
  });

  test('departments and programmes may be left out entirely', () => {
    const withoutDepartments = validYaml
      .replace('departments:\n  - code: CS\n    name: Computer Science\n    faculty: TECH\n', '')
      .replace('    department: CS\n', '')
      .replace(/programmes:[\s\S]*$/, '');

    const config = parseConfigText(withoutDepartments, 'test.yaml');

    expect(config.departments).toEqual([]);
    expect(config.programmes).toEqual([]);
  });

  test('an optional section with every entry commented out counts as left out', () => {
    const text = `${validYaml}managers:\n  # - { role: dean, email: dean@test.example, scope: institution }\nthresholds:\n`;

    const config = parseConfigText(text, 'test.yaml');

    expect(config.managers).toEqual([]);
    expect(config.thresholds).toEqual(defaultThresholds);
  });

  test('the schedule runs in the institution time zone unless it names its own', () => {
    const stockholm = editedYaml(
      '  name: Test University\n',
      '  name: Test University\n  timeZone: Europe/Stockholm\n',
    );
    expect(parseConfigText(stockholm, 'test.yaml').schedule.timeZone).toBe('Europe/Stockholm');

    const ownZone = `${stockholm}schedule:\n  timeZone: Europe/Oslo\n`;
    expect(parseConfigText(ownZone, 'test.yaml').schedule).toEqual({
      cron: '0 9 * 4,10 1#1',
      timeZone: 'Europe/Oslo',
    });
  });

  test('a time zone is stored in its canonical spelling', () => {
    const lowerCase = editedYaml(
      '  name: Test University\n',
      '  name: Test University\n  timeZone: europe/copenhagen\n',
    );
    expect(parseConfigText(lowerCase, 'test.yaml').institution.timeZone).toBe('Europe/Copenhagen');
  });

  test('channels, delegates, managers and column aliases come through as written', () => {
    const text = editedYaml(
      '    secretary: sec@test.example\n',
      `    secretary: sec@test.example
    delegates: [vice@test.example]
    channels:
      slack: C0123ABCD
      teams: "19:abc@thread.tacv2"
      console: datalogi
`,
    ).concat(`managers:
  - { role: dean, email: dean@test.example, scope: { faculty: TECH } }
  - { role: student_services, email: ss@test.example, scope: institution }
columnAliases:
  student_id: ["Stud.nr."]
  name: Fulde navn
`);

    const config = parseConfigText(text, 'test.yaml');

    expect(config.boards[0]?.delegates).toEqual(['vice@test.example']);
    expect(config.boards[0]?.channels).toEqual({
      slack: 'C0123ABCD',
      teams: '19:abc@thread.tacv2',
      console: 'datalogi',
    });
    expect(config.managers).toEqual([
      { role: 'dean', email: 'dean@test.example', scope: { faculty: 'TECH' } },
      { role: 'student_services', email: 'ss@test.example', scope: 'institution' },
    ]);
    expect(config.columnAliases).toEqual({ student_id: ['Stud.nr.'], name: ['Fulde navn'] });
  });

  test('a name may be given per language; the plain name is the institution’s language', () => {
    const text = editedYaml(
      '    name: Computer Science\n    faculty: TECH\n    department: CS',
      '    name: { en: Study Board of Computer Science, da: Studienævn for Datalogi }\n    faculty: TECH\n    department: CS',
    );
    const [board] = parseConfigText(text, 'test.yaml').boards;
    expect(board?.name).toBe('Studienævn for Datalogi');
    expect(board && nameIn(board, 'en')).toBe('Study Board of Computer Science');
    expect(board && nameIn(board, 'da')).toBe('Studienævn for Datalogi');

    const english = parseConfigText(
      `${text}`.replace('  name: Test University', '  name: Test University\n  language: en'),
      'test.yaml',
    );
    expect(english.boards[0]?.name).toBe('Study Board of Computer Science');
  });

  test('a name in one language only, or one text, serves readers of every language', () => {
    const text = editedYaml('    name: History', '    name: { en: History }');
    const config = parseConfigText(text, 'test.yaml');
    const [computing, history] = config.boards;
    expect(history && [history.name, nameIn(history, 'da'), nameIn(history, 'en')]).toEqual([
      'History',
      'History',
      'History',
    ]);
    expect(computing && nameIn(computing, 'en')).toBe('Computer Science');
  });

  test('a Norwegian institution (language: nb) names its units in Bokmål, and each reader gets their own language’s name', () => {
    const text = editedYaml(
      '    name: Computer Science\n    faculty: TECH\n    department: CS',
      '    name: { da: Studienævn for Datalogi, en: Study Board of Computer Science, nb: Studieutvalg for informatikk }\n    faculty: TECH\n    department: CS',
    ).replace('  name: Test University', '  name: Test University\n  language: nb');
    const config = parseConfigText(text, 'test.yaml');
    const [board] = config.boards;

    expect(config.institution.language).toBe('nb');
    expect(board?.name).toBe('Studieutvalg for informatikk');
    expect(board && nameIn(board, 'nb')).toBe('Studieutvalg for informatikk');
    expect(board && nameIn(board, 'da')).toBe('Studienævn for Datalogi');
    expect(board && nameIn(board, 'en')).toBe('Study Board of Computer Science');
  });

  test('a name given in Bokmål only serves readers of every language, in a Danish institution too', () => {
    const config = parseConfigText(
      editedYaml('    name: History', '    name: { nb: Studieutvalg for historie }'),
      'test.yaml',
    );
    const history = config.boards[1];

    expect(config.institution.language).toBe('da');
    expect(
      history && [history.name, nameIn(history, 'da'), nameIn(history, 'en'), nameIn(history, 'nb')],
    ).toEqual(Array(4).fill('Studieutvalg for historie'));
  });

  test('the import folder is resolved against the configuration file’s folder', () => {
    const text = `${validYaml}importFolder: ./imports\n`;
    expect(parseConfigText(text, '/etc/trafiklys/test.yaml').importFolder).toBe('/etc/trafiklys/imports');
    expect(
      parseConfigText(`${validYaml}importFolder: /srv/exports\n`, '/etc/trafiklys/test.yaml').importFolder,
    ).toBe('/srv/exports');
  });
});

describe('an invalid configuration names each problem at its line and column', () => {
  test('a chair that is not an e-mail address', () => {
    const text = editedYaml('    chair: hist@test.example', '    chair: hist-at-test.example');
    expect(problemsOf(text)).toEqual(['test.yaml:22:12: boards[1].chair: not an e-mail address']);
  });

  test('a misspelt key is unknown, and the key it should have been is missing', () => {
    const text = editedYaml('    chair: hist@test.example', '    chiar: hist@test.example');
    expect(problemsOf(text)).toEqual([
      'test.yaml:19:5: boards[1].chair: required',
      'test.yaml:22:5: boards[1]: unknown key "chiar" (did you mean "chair"?)',
    ]);
  });

  test('a missing required key points at the mapping it belongs in', () => {
    const text = editedYaml('    secretary: sec@test.example\n', '');
    expect(problemsOf(text)).toEqual(['test.yaml:13:5: boards[0].secretary: required']);
  });

  test('a required key left empty points at the key', () => {
    const text = editedYaml('    secretary: sec@test.example', '    secretary:');
    expect(problemsOf(text)).toEqual(['test.yaml:18:5: boards[0].secretary: required']);
  });

  test('an unknown top-level key lists the keys allowed there', () => {
    expect(problemsOf(`${validYaml}colour: red\n`)).toEqual([
      'test.yaml:28:1: unknown key "colour" (allowed: institution, faculties, departments, boards, programmes, managers, smtp, console, schedule, thresholds, importFolder, columnAliases, mail, journal, dispatch, deviations)',
    ]);
  });

  test('two boards with the same code', () => {
    const text = editedYaml('  - code: SN-HIST', '  - code: SN-DAT');
    expect(problemsOf(text)).toEqual([
      'test.yaml:19:11: boards[1].code: duplicate study board code "SN-DAT" (also boards[0])',
    ]);
  });

  test('a programme naming a board that does not exist', () => {
    const text = editedYaml('    board: SN-DAT', '    board: SN-XYZ');
    expect(problemsOf(text)).toEqual([
      'test.yaml:27:12: programmes[0].board: "SN-XYZ" is not a study board (known: SN-DAT, SN-HIST)',
    ]);
  });

  test('a board naming a faculty that does not exist', () => {
    const text = editedYaml('    faculty: HUM', '    faculty: XYZ');
    expect(problemsOf(text)).toEqual([
      'test.yaml:21:14: boards[1].faculty: "XYZ" is not a faculty (known: TECH, HUM)',
    ]);
  });

  test('a board whose department lies in another faculty', () => {
    const text = editedYaml(
      '    name: History\n    faculty: HUM\n',
      '    name: History\n    faculty: HUM\n    department: CS\n',
    );
    expect(problemsOf(text)).toEqual([
      'test.yaml:22:17: boards[1].department: department "CS" belongs to faculty TECH, not HUM',
    ]);
  });

  test('a manager scoped to a unit that does not exist, and a scope that is not one unit', () => {
    const text = `${validYaml}managers:
  - role: head_of_department
    email: hod@test.example
    scope: { department: MATH }
  - role: dean
    email: dean@test.example
    scope: { faculty: TECH, board: SN-DAT }
`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:31:26: managers[0].scope.department: "MATH" is not a department (known: CS)',
      'test.yaml:34:12: managers[1].scope: must be institution, or exactly one of {faculty: CODE}, {department: CODE}, {board: CODE}',
    ]);
  });

  test('a cron expression node-cron does not accept', () => {
    const text = `${validYaml}schedule:\n  cron: "0 9 * 13 1#1"\n`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:29:9: schedule.cron: not a valid cron expression: "13" is not a valid month',
    ]);
  });

  test('a cron expression for a day that does not exist', () => {
    const text = `${validYaml}schedule:\n  cron: "0 9 30 2 *"\n`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:29:9: schedule.cron: not a valid cron expression: 30 2 is an impossible day of month for the given month',
    ]);
  });

  test('a time zone that is not in the IANA database', () => {
    const text = editedYaml(
      '  name: Test University\n',
      '  name: Test University\n  timeZone: Europe/Copenhagn\n',
    );
    expect(problemsOf(text)).toEqual([
      'test.yaml:3:13: institution.timeZone: "Europe/Copenhagn" is not an IANA time zone',
    ]);
  });

  test('a red threshold that is not above the green one', () => {
    const text = `${validYaml}thresholds:\n  greenMaxBehind: 10\n  redMinBehind: 10\n`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:30:17: thresholds.redMinBehind: must be greater than greenMaxBehind (10)',
    ]);
  });

  test('a mandatory-contact threshold below the special-guidance one', () => {
    const text = `${validYaml}thresholds:\n  mandatoryContactMonths: 3\n`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:29:27: thresholds.mandatoryContactMonths: must be at least specialGuidanceMonths (6)',
    ]);
  });

  test('a misspelt threshold is an unknown key with a suggestion', () => {
    const text = `${validYaml}thresholds:\n  redMinBehnd: 20\n`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:29:3: thresholds: unknown key "redMinBehnd" (did you mean "redMinBehind"?)',
    ]);
  });

  test('a column alias for a column that does not exist', () => {
    const text = `${validYaml}columnAliases:\n  studentid: ["Stud.nr."]\n`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:29:3: columnAliases: unknown key "studentid" (did you mean "student_id"?)',
    ]);
  });

  test('a column alias that is already the name of another column', () => {
    const text = `${validYaml}columnAliases:\n  name: [Navn, Email]\n`;
    expect(problemsOf(text)).toEqual([
      'test.yaml:29:16: columnAliases.name[1]: "Email" already names column email',
    ]);
  });

  test('a name per language in a language the bot does not speak, or with no language at all', () => {
    expect(problemsOf(editedYaml('    name: History', '    name: { sv: Historia }'))).toEqual([
      'test.yaml:20:13: boards[1].name: unknown key "sv" (allowed: da, en, nb)',
    ]);
    expect(problemsOf(editedYaml('    name: History', '    name: {}'))).toEqual([
      'test.yaml:20:11: boards[1].name: give the name in at least one language (da:, en:, nb:)',
    ]);
    expect(problemsOf(editedYaml('    name: History', '    name: [History]'))).toEqual([
      'test.yaml:20:11: boards[1].name: must be a name, or a name per language (da:, en:, nb:)',
    ]);
  });

  test('a code written as a number asks for quotes', () => {
    const text = editedYaml('  - code: DAT-BSC', '  - code: 1234');
    expect(problemsOf(text)).toEqual([
      'test.yaml:25:11: programmes[0].code: must be text: put the code in quotes, e.g. "0123"',
    ]);
  });

  test('a list written as a single value', () => {
    const text = editedYaml(
      '    secretary: sec@test.example\n',
      '    secretary: sec@test.example\n    delegates: vice@test.example\n',
    );
    expect(problemsOf(text)).toEqual(['test.yaml:19:16: boards[0].delegates: must be a list, not text']);
  });

  test('every problem is listed, in file order', () => {
    const text = editedYaml('  name: Test University\n', '  name: Test University\n  language: fr\n')
      .replace('    chair: chair@test.example', '    chair: nobody')
      .concat('schedule:\n  cron: every monday\n');

    expect(problemsOf(text)).toEqual([
      'test.yaml:3:13: institution.language: "fr" is not one of: da, en, nb',
      'test.yaml:18:12: boards[0].chair: not an e-mail address',
      'test.yaml:30:9: schedule.cron: not a valid cron expression: expected 5 or 6 fields but got 2',
    ]);
  });

  test('an empty file says what it needs', () => {
    expect(problemsOf('')).toEqual([
      'test.yaml:1:1: the file is empty; it needs at least institution:, faculties: and boards:',
    ]);
  });

  test('a YAML syntax error is reported at its line and column', () => {
    const text = editedYaml(
      '    secretary: sec@test.example\n',
      '    secretary: sec@test.example\n    chair: other@test.example\n',
    );
    expect(problemsOf(text)).toEqual(['test.yaml:19:5: Map keys must be unique']);
  });

  test('an unclosed list is one syntax error, not one per line after it', () => {
    const text = editedYaml(
      '    secretary: sec@test.example\n',
      '    secretary: sec@test.example\n    delegates: [a@test.example\n',
    );
    expect(problemsOf(text)).toEqual([
      'test.yaml:20:3: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });
});
