import type { Translator } from '../../../../i18n/translator.js';
import { containsCprShape } from '../../../../security/cpr-shape.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { facultyName } from '../../presenters/triage/faculty-name.js';
import { triageNoteMaxLength } from '../../presenters/triage/triage-forms.js';
import { triageFields } from '../../presenters/triage/triage-ids.js';
import { forwardNoteMessage, reporterForwarded } from '../../presenters/triage/triage-notices.js';
import { tellPerson } from '../../tell-person.js';
import type { UnitDirectory } from '../../unit-directory.js';
import { tellReportOwners } from '../tell-report-owners.js';
import { tellReporter } from '../tell-reporter.js';
import { updateTriageCards } from './triage-cards.js';
import { doneResult, notStepped, type TriageResult } from './triage-result.js';
import { lastEventBy, type TriageActor, takeTriageStep } from './triage-step.js';

export interface ForwardInput {
  readonly facultyCode: string | null;
  /** To the new faculty's report owners; the reporter does not see it. */
  readonly note: string | null;
}

/** The faculties a case can be forwarded to: those with report owners, but the one that has it. */
export function forwardTargets(units: UnitDirectory, currentFacultyCode: string): readonly string[] {
  return units.facultiesWithOwners().filter((code) => code !== currentFacultyCode);
}

/**
 * The guideline: a report that belongs to another faculty goes to that
 * faculty's report owners. It stays received, there: its owners get their
 * triage cards (with the forwarding owner's note beside them), this
 * faculty's owners see where it went and can no longer act on it, and the
 * reporter is told which faculty has it now.
 */
export async function forwardCase(
  dependencies: DeviationDependencies,
  reader: Translator,
  who: TriageActor,
  caseId: string,
  input: ForwardInput,
): Promise<TriageResult> {
  const { config } = dependencies;
  const texts = reader.t.deviations.triage;
  const target = input.facultyCode?.trim() ?? '';
  const outcome = await takeTriageStep(dependencies, who, caseId, 'forward', {
    // The same form sent twice: the first took it there, and its sender is no longer one of its owners.
    alreadyDone: async (deviation, actor) =>
      deviation.facultyCode === target &&
      (await lastEventBy(dependencies, deviation, 'forwarded', actor, { to: target })),
    plan: async (deviation, units) => {
      const errors: Record<string, string> = {};
      if (!forwardTargets(units, deviation.facultyCode).includes(target))
        errors[triageFields.faculty] = texts.error.facultyRequired;
      if (input.note !== null && input.note.length > triageNoteMaxLength)
        errors[triageFields.note] = texts.error.tooLong(triageNoteMaxLength);
      else if (input.note !== null && containsCprShape(input.note))
        errors[triageFields.note] = texts.error.identityNumber;
      if (Object.keys(errors).length > 0) return { kind: 'errors', errors };
      return {
        kind: 'change',
        change: { facultyCode: target, details: { from: deviation.facultyCode, to: target } },
      };
    },
  });
  if (outcome.kind !== 'stepped') return notStepped(outcome);

  const { deviation, previous } = outcome.result;
  const { units, actor } = outcome;
  const cards = await updateTriageCards(dependencies, outcome.result);
  const unreachableOwners: string[] = [];
  if (input.note !== null) {
    const note = input.note;
    for (const owner of units.reportOwnersOf(deviation.facultyCode)) {
      const told = await tellPerson(dependencies.surfaces, config.institution.language, {
        email: owner,
        preferredSurface: deviation.reporter.surface,
        language: null,
        compose: (ownerReader) =>
          forwardNoteMessage(ownerReader, deviation, {
            by: actor.name,
            fromFaculty: facultyName(config, previous.facultyCode, ownerReader.language),
            note,
          }),
      });
      if (told.kind !== 'posted') unreachableOwners.push(owner);
    }
  }
  const newOwners = await tellReportOwners(dependencies, deviation);
  for (const owner of newOwners.unreachable)
    if (!unreachableOwners.includes(owner)) unreachableOwners.push(owner);
  const toReporter = await tellReporter(dependencies, deviation, (reporterReader) =>
    reporterForwarded(
      reporterReader,
      deviation,
      facultyName(config, deviation.facultyCode, reporterReader.language),
    ),
  );
  const faculty = facultyName(config, deviation.facultyCode, reader.language);
  return doneResult(reader, deviation, texts.done.forwarded({ number: deviation.number, faculty }), {
    told: [{ who: deviation.reporter, outcome: toReporter }],
    unreachableOwners,
    notUpdated: cards.notUpdated,
  });
}
