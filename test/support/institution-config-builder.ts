import { type InstitutionConfig, parseInstitutionConfig } from '../../src/config/institution-config.js';

/**
 * A valid institution with the given study boards (all in one faculty), built
 * through the real schema so defaults are filled as in production.
 */
export function anInstitutionConfig(
  boardCodes: readonly string[] = ['SN-HIS', 'SN-DAT', 'SN-MAT'],
): InstitutionConfig {
  const parsed = parseInstitutionConfig({
    institution: { name: 'Test University' },
    faculties: [{ code: 'FAC', name: 'Faculty' }],
    boards: boardCodes.map((code) => ({
      code,
      name: `Study board ${code}`,
      faculty: 'FAC',
      chair: `chair.${code.toLowerCase()}@test.example`,
      secretary: `secretary.${code.toLowerCase()}@test.example`,
    })),
    managers: [{ role: 'dean', email: 'dean@test.example', scope: { faculty: 'FAC' } }],
  });
  if (!parsed.success) throw new Error(`test config is invalid: ${parsed.error.message}`);
  return parsed.data;
}
