import { describe, expect, it } from 'vitest';
import { procedureModules } from '../../src/app/procedure-modules.js';
import { procedureConfigSections } from '../../src/config/procedure-config-sections.js';

describe('the list of procedures', () => {
  it("holds each module's configuration section in the configuration's list, and no other section", () => {
    const declared = procedureModules.flatMap((module) =>
      module.configSection ? [module.configSection] : [],
    );

    expect(new Set(procedureConfigSections)).toEqual(new Set(declared));
  });

  it('gives every top-level key of the configuration one owner', () => {
    const owners = new Map<string, string>();
    for (const section of procedureConfigSections) {
      for (const key of Object.keys(section.keys)) {
        expect(owners.get(key), `${key} of ${section.procedure}`).toBeUndefined();
        owners.set(key, section.procedure);
      }
    }
    for (const core of [
      'institution',
      'faculties',
      'departments',
      'boards',
      'programmes',
      'managers',
      'smtp',
    ])
      expect(owners.has(core), core).toBe(false);
  });
});
