import type { BotActor } from './bot-requests.js';

/** Who acted, as the audit trail names them: by e-mail where the surface knows it, else by the surface's own id. */
export function auditActorOf(actor: BotActor): string {
  return actor.email ?? `${actor.surface}:${actor.userId}`;
}
