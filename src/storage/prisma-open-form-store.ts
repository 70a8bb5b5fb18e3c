import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';
import type { Form } from '../messages/message-model.js';
import { formSchema } from '../messages/message-schemas.js';
import { CodedError } from '../shared/coded-error.js';
import type { SurfaceName } from '../surfaces/chat-surface.js';
import type { OpenFormStore } from '../surfaces/open-form-store.js';

/** Far above any form the procedures build (a few KB), far below what would burden a row. */
export const maxOpenFormBytes = 256 * 1024;
/** Slack's keys and console tokens (UUIDs) and Teams' hashes are short; a longer key is a bug in the caller. */
export const maxOpenFormKeyLength = 255;

/**
 * The open forms in the database, so a submission can reach any instance
 * sharing it, also after a restart. A form past its expiry is absent; expired
 * rows are swept. A row that no longer parses as a form (written by another
 * version, edited by hand) is absent too, and logged without its content.
 */
export class PrismaOpenFormStore implements OpenFormStore {
  private nextSweepAt = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async remember(surface: SurfaceName, key: string, form: Form, ttlMs: number): Promise<void> {
    const json = JSON.stringify(form);
    checkSize(surface, key, form, json);
    const now = this.now();
    await this.sweep(now);
    await this.prisma.$executeRaw`
      INSERT INTO open_form (surface, key, form, opened_at, expires_at)
      VALUES (${surface}, ${key}, ${json}::jsonb, ${new Date(now)}, ${new Date(now + ttlMs)})
      ON CONFLICT (surface, key) DO UPDATE
        SET form = EXCLUDED.form, opened_at = EXCLUDED.opened_at, expires_at = EXCLUDED.expires_at`;
  }

  async find(surface: SurfaceName, key: string): Promise<Form | null> {
    const row = await this.prisma.openForm.findFirst({
      where: { surface, key, expiresAt: { gt: new Date(this.now()) } },
      select: { form: true },
    });
    if (!row) return null;
    const parsed = formSchema.safeParse(row.form);
    if (parsed.success) return parsed.data;
    // Paths and codes only: the form's values may name students.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.code}`);
    this.logger.warn({ surface, key, problems }, 'an open form could not be read; it counts as expired');
    return null;
  }

  async close(surface: SurfaceName, key: string): Promise<void> {
    await this.prisma.openForm.deleteMany({ where: { surface, key } });
  }

  // Expired forms are removed at most once a minute per instance.
  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + 60_000;
    await this.prisma.openForm.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  }
}

/** Refused loudly rather than trimmed: a form that cannot be kept could not be submitted either. */
function checkSize(surface: SurfaceName, key: string, form: Form, json: string): void {
  if (key.length > maxOpenFormKeyLength) {
    throw new CodedError(
      'storage.open_form_too_large',
      `${surface}: the key of form "${form.formId}" has ${key.length} characters; at most ${maxOpenFormKeyLength} are allowed`,
    );
  }
  const bytes = Buffer.byteLength(json);
  if (bytes > maxOpenFormBytes) {
    throw new CodedError(
      'storage.open_form_too_large',
      `${surface}: form "${form.formId}" is ${bytes} bytes as JSON; at most ${maxOpenFormBytes} can be kept open`,
    );
  }
}
