import { type Logger, pino } from 'pino';

export type { Logger };

// Defence in depth: nothing should ever log a CPR number, but if a message or
// field carries something shaped like one (DDMMYY-XXXX / DDMMYYXXXX), it is
// masked before it is written.
const cprShape = /\b(\d{6})-?\d{4}\b/g;

export function maskCprShapes(text: string): string {
  return text.replace(cprShape, '$1-****');
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskCprShapes(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (value instanceof Error) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
}

export interface LoggerOptions {
  readonly level: string;
  /** Where lines go; stdout by default, a stream in tests. */
  readonly destination?: NodeJS.WritableStream;
}

/** Structured JSON logs (pino); no personal data beyond codes and counts. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'trafiklys' },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? maskCprShapes(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    options.destination ?? process.stdout,
  );
}
