import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { unknownKeyMessage } from './config-issue-messages.js';
import { formatKeyPath, positionOf } from './yaml-locations.js';

/** One thing wrong in a configuration file, at the place to fix it. */
export interface ConfigProblem {
  readonly line: number;
  readonly column: number;
  /** `boards[3].chair`; empty for the file as a whole. */
  readonly keyPath: string;
  readonly message: string;
}

/**
 * Each zod issue as a problem located in the YAML source; an issue about
 * unknown keys becomes one problem per key, at the key. Sorted in file order,
 * so the list reads top to bottom like the file.
 */
export function configProblems(
  issues: readonly z.core.$ZodIssue[],
  document: Document,
  lineCounter: LineCounter,
  schema: z.core.$ZodType,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const knownKeys = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({
          ...positionOf(document, lineCounter, path, { atKey: true }),
          keyPath: formatKeyPath(issue.path),
          message: unknownKeyMessage(key, knownKeys),
        });
      }
    } else {
      problems.push({
        ...positionOf(document, lineCounter, issue.path, { atKey: pointsAtKey(issue) }),
        keyPath: formatKeyPath(issue.path),
        message: issue.message,
      });
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * A check may ask for its problem to point at the key rather than its value
 * (`params: { at: 'key' }`): a mail template's problem is about the template
 * that key names, whose value may span many lines.
 */
function pointsAtKey(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.at === 'key';
}

/** `<file>:<line>:<col>: <keypath>: <message>`, the form editors and terminals link to. */
export function formatConfigProblem(file: string, problem: ConfigProblem): string {
  const where = `${file}:${problem.line}:${problem.column}`;
  return problem.keyPath === ''
    ? `${where}: ${problem.message}`
    : `${where}: ${problem.keyPath}: ${problem.message}`;
}

/** The keys the schema allows in the mapping at `path` (an object's fields, an enum-keyed record's keys). */
function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.core.$ZodObject && typeof segment === 'string') {
      current = current._zod.def.shape[segment];
    } else if (current instanceof z.core.$ZodArray) {
      current = current._zod.def.element;
    } else if (current instanceof z.core.$ZodRecord) {
      current = current._zod.def.valueType;
    } else {
      return [];
    }
    if (current === undefined) return [];
    current = unwrap(current);
  }
  if (current instanceof z.core.$ZodObject) return Object.keys(current._zod.def.shape);
  // A name or a mapping of names per language: the mapping's keys are the ones allowed.
  if (current instanceof z.core.$ZodUnion) {
    return [...new Set(current._zod.def.options.flatMap((option) => knownKeysAt(option, [])))];
  }
  if (current instanceof z.core.$ZodRecord) {
    const keyType = unwrap(current._zod.def.keyType);
    if (keyType instanceof z.core.$ZodEnum) return Object.values(keyType._zod.def.entries).map(String);
  }
  return [];
}

/** Looks through defaults, optionals and transforms to the schema that checks the value's shape. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.core.$ZodDefault ||
      current instanceof z.core.$ZodPrefault ||
      current instanceof z.core.$ZodOptional ||
      current instanceof z.core.$ZodNullable
    ) {
      current = current._zod.def.innerType;
    } else if (current instanceof z.core.$ZodPipe) {
      const { in: input, out } = current._zod.def;
      current = input instanceof z.core.$ZodTransform ? out : input;
    } else {
      return current;
    }
  }
}
