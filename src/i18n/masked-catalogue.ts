import type { Inline } from '../messages/message-model.js';
import { maskCprShapes } from '../security/cpr-shape.js';

/**
 * The catalogue as every reader gets it: each text it makes, with whatever
 * values went into it (a cell of an export, a file name, words a person
 * typed), has any CPR-shaped value masked. Every sentence the bot writes for a
 * person comes from the catalogue, so this one place covers chat replies and
 * posts, the import folder's problem files and the command line alike.
 */
export function withoutCprShapes<T extends object>(catalogue: T): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(catalogue, {
    get(target, key, receiver) {
      if (wrapped.has(key)) return wrapped.get(key);
      const value: unknown = Reflect.get(target, key, receiver);
      const safe = masked(value);
      wrapped.set(key, safe);
      return safe;
    },
  });
}

function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskCprShapes(value);
  if (typeof value === 'function') {
    return function maskedMessage(this: unknown, ...args: unknown[]) {
      return maskedText(Reflect.apply(value, this, args));
    };
  }
  if (Array.isArray(value)) return value.map(masked);
  if (value !== null && typeof value === 'object') return withoutCprShapes(value);
  return value;
}

/** What a catalogue function returns: a string, or rich text whose pieces hold text. */
function maskedText(value: unknown): unknown {
  if (typeof value === 'string') return maskCprShapes(value);
  if (Array.isArray(value)) return value.map((piece: Inline) => maskedInline(piece));
  return value;
}

function maskedInline(piece: Inline): Inline {
  if (typeof piece === 'string') return maskCprShapes(piece);
  if (piece.kind === 'mention') return piece;
  return { ...piece, text: maskCprShapes(piece.text) };
}
