import { expect } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { CodedError } from '../../src/shared/coded-error.js';

/**
 * A small valid configuration. Tests edit one line and name the line and
 * column of the problem, so the numbers are kept here for reading:
 *
 *  1 institution:            13   - code: SN-DAT             25   - code: DAT-BSC
 *  2   name: Test University 14     name: Computer Science   26     name: BSc Computer Science
 *  3 faculties:              15     faculty: TECH            27     board: SN-DAT
 *  4   - code: TECH          16     department: CS
 *  5     name: Engineering   17     chair: chair@test.example
 *  6   - code: HUM           18     secretary: sec@test.example
 *  7     name: Humanities    19   - code: SN-HIST
 *  8 departments:            20     name: History
 *  9   - code: CS            21     faculty: HUM
 * 10     name: Computer Sci… 22     chair: hist@test.example
 * 11     faculty: TECH       23     secretary: hist-sec@test.example
 * 12 boards:                 24 programmes:
 */
export const validYaml = `institution:
  name: Test University
faculties:
  - code: TECH
    name: Engineering
  - code: HUM
    name: Humanities
departments:
  - code: CS
    name: Computer Science
    faculty: TECH
boards:
  - code: SN-DAT
    name: Computer Science
    faculty: TECH
    department: CS
    chair: chair@test.example
    secretary: sec@test.example
  - code: SN-HIST
    name: History
    faculty: HUM
    chair: hist@test.example
    secretary: hist-sec@test.example
programmes:
  - code: DAT-BSC
    name: BSc Computer Science
    board: SN-DAT
`;

/** `validYaml` with one exact piece of text replaced (failing loudly if the piece is not there). */
export function editedYaml(find: string, replacement: string): string {
  expect(validYaml).toContain(find);
  return validYaml.replace(find, replacement);
}

/** The problem lines of parsing `text` as `test.yaml`, without the heading line. */
export function problemsOf(text: string): string[] {
  try {
    parseConfigText(text, 'test.yaml');
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    expect(error.code).toBe('config.invalid');
    const [heading, ...problems] = error.message.split('\n');
    expect(heading).toBe('test.yaml is not a valid Trafiklys configuration:');
    return problems;
  }
  throw new Error('expected the configuration to be rejected');
}
