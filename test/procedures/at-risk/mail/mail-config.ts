import type { InstitutionConfig } from '../../../../src/config/institution-config.js';
import { parseConfigText } from '../../../../src/config/load-config.js';
import type { MailStudent } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { editedYaml, validYaml } from '../../../config/config-fixtures.js';

/**
 * The small valid configuration of `test/config/config-fixtures.ts` (boards
 * SN-DAT in department CS and SN-HIST without a department) with a `mail:`
 * section appended. It has 27 lines, so the section's `mail:` is line 28.
 */
export function yamlWithMail(mail: string): string {
  return `${validYaml}${mail}`;
}

/** The configuration with `mail`, SN-DAT's chair named Mette Hansen (SN-HIST's chair has no name). */
export function configWithMail(mail = ''): InstitutionConfig {
  const named = editedYaml(
    '    chair: chair@test.example\n',
    '    chair: chair@test.example\n    chairName: Mette Hansen\n',
  );
  return parseConfigText(`${named}${mail}`, 'test.yaml');
}

/** A student as the review list knows her; Danish unless told otherwise. */
export function aStudent(overrides: Partial<MailStudent> = {}): MailStudent {
  return {
    name: 'Sofie Jensen',
    programmeName: 'BSc Computer Science',
    language: 'da',
    ectsBehind: 20,
    delayMonths: 4,
    ...overrides,
  };
}

/** A `mail:` section with a booking link and two guidance services, one of them named per language. */
export const guidanceMail = `mail:
  bookingLink: https://booking.test.example/studievejledning
  guidanceServices:
    - name: { da: Studievejledningen, en: Student Guidance }
      description: { da: Vejledning om studieplaner og trivsel, en: Guidance on study plans and well-being }
      url: https://vejledning.test.example/
      email: vejledning@test.example
    - name: Studenterpræsterne
`;
