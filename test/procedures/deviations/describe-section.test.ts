import { describe, expect, it } from 'vitest';
import { describeConfig } from '../../../src/config/describe-config.js';
import { deviationsInstitution } from '../../support/deviations-fixture.js';

describe('config check describes the deviations section', () => {
  it('shows the commands, deadlines, escalation, the whistleblowing route and each faculty’s report owners', () => {
    const text = describeConfig(deviationsInstitution(), new Date('2026-12-07T09:00:00Z'));
    expect(text.slice(text.indexOf('Deviation reports'))).toBe(`Deviation reports
  commands         /afvigelse, /deviation, /avvik
  deadline         28 days from receipt; reminder after 21 days
  overdue goes to  the head of department, else the dean
  whistleblowing   https://uni.example/whistleblowing
                   Vera Varsel <ombud@uni.example>
  redirected text  kept 30 days
  report owners
    IE  owner.ie1@uni.example, owner.ie2@uni.example (2 programmes and courses)
    NV  owner.nv@uni.example (2 programmes and courses)`);
  });

  it('names a faculty without report owners: its units cannot be reported on', () => {
    const config = deviationsInstitution({
      reportOwners: [{ faculty: 'IE', people: ['owner.ie1@uni.example'] }],
    });
    expect(describeConfig(config)).toContain(
      'NV  no report owners: its programmes and courses cannot be reported on (Faculty of Natural Sciences)',
    );
  });
});
