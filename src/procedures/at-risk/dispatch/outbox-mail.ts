import type { MailOutbox, OutboxMailDraft } from '../../../mail/mail-outbox.js';

/**
 * The at-risk procedure's mails: § 31 stk. 1 (yellow: information on guidance
 * and the right to special guidance) and § 31 stk. 2 (red: the offer of an
 * individual meeting). A student gets at most one of each per cycle: the
 * outbox's key is (cycle, student, template).
 */
export const atRiskMailTemplates = ['yellow', 'red'] as const;
export type AtRiskMailTemplate = (typeof atRiskMailTemplates)[number];

export type AtRiskMailDraft = OutboxMailDraft<AtRiskMailTemplate>;
export type AtRiskMailOutbox = MailOutbox<AtRiskMailTemplate>;
