import { type Logger, pino, stdSerializers } from 'pino';
import { maskCprShapes } from '../security/cpr-shape.js';

export type { Logger };

// Defence in depth: nothing should ever log a CPR number, but if a message, a
// field or an error carries something shaped like one, it is masked before it
// is written.

/** Deeper than any field we log; an error's cause chain included. */
const deepestScrub = 8;

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskCprShapes(value);
  if (depth > deepestScrub || value === null || typeof value !== 'object') return value;
  // An Error as pino would write it (type, message, stack, code, cause, own
  // fields), then masked like any other object: its message is as likely as
  // any text to quote a value from outside.
  if (value instanceof Error) return scrub(stdSerializers.err(value), depth + 1);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
}

/**
 * pino's call forms, masked: `(message)`, `(fields, message?)` and
 * `(error, message?)`, which pino writes as `{ err }` with the error's message
 * as the line's message when none is given.
 */
function scrubArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (first instanceof Error) {
    const message = typeof rest[0] === 'string' ? rest.shift() : first.message;
    return [{ err: scrub(first) }, maskCprShapes(String(message)), ...rest.map((arg) => scrub(arg))];
  }
  return args.map((arg) => scrub(arg));
}

export interface LoggerOptions {
  readonly level: string;
  /** Where lines go; stdout by default, a stream in tests, a command's stderr. */
  readonly destination?: { write(line: string): unknown };
}

/** Structured JSON logs (pino); no personal data beyond codes and counts. */
export function createLogger(options: LoggerOptions): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: 'trafiklys' },
      // Errors are already written out (and masked) by `scrub`; pino's own
      // serializer would take the plain object for an error of type "Object".
      serializers: { err: (value: unknown) => (value instanceof Error ? scrub(value) : value) },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrubArguments(args) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? process.stdout,
  );
  // A child's fields (`logger.child({ file })`) are written on each of its
  // lines without passing the formatters above; children inherit this method.
  const childOf = logger.child;
  logger.child = function childWithMaskedFields(this: Logger, bindings, childOptions) {
    return Reflect.apply(childOf, this, [scrub(bindings), childOptions]);
  };
  return logger;
}
