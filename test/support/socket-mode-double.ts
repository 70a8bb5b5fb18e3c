import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode endpoint on 127.0.0.1: the API double's
 * apps.connections.open hands out `url`; on connection the double says
 * `hello`, the test sends envelopes, and every acknowledgement is recorded.
 */

export interface SocketModeEnvelope {
  readonly envelope_id: string;
  readonly type: 'slash_commands' | 'interactive' | 'events_api';
  readonly payload: unknown;
  readonly accepts_response_payload?: boolean;
  readonly retry_attempt?: number;
  readonly retry_reason?: string;
}

export interface SocketModeAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export class SocketModeDouble {
  readonly acks: SocketModeAck[] = [];
  readonly violations: string[] = [];
  private client: WebSocket | null = null;
  private readonly connectionWaiters: (() => void)[] = [];
  private readonly ackWaiters: { envelopeId: string; resolve: (ack: SocketModeAck) => void }[] = [];

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    server.on('connection', (socket) => {
      this.client = socket;
      socket.on('message', (data) => this.receive(String(data)));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'socket-mode-double', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A0001' },
        }),
      );
      for (const resolve of this.connectionWaiters.splice(0)) resolve();
    });
  }

  static async start(): Promise<SocketModeDouble> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new SocketModeDouble(server, `ws://127.0.0.1:${port}/link/?ticket=test`);
  }

  /** Resolves once a client is connected (and has been sent `hello`). */
  connected(): Promise<void> {
    if (this.client) return Promise.resolve();
    return new Promise((resolve) => this.connectionWaiters.push(resolve));
  }

  /** Sends an envelope and resolves with the client's acknowledgement of it. */
  deliver(envelope: SocketModeEnvelope): Promise<SocketModeAck> {
    if (!this.client) throw new Error('no Socket Mode client is connected');
    const acknowledged = new Promise<SocketModeAck>((resolve) =>
      this.ackWaiters.push({ envelopeId: envelope.envelope_id, resolve }),
    );
    this.client.send(JSON.stringify(envelope));
    return acknowledged;
  }

  async close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.violations.push(`the client sent something that is not JSON: ${text.slice(0, 80)}`);
      return;
    }
    if (typeof message !== 'object' || message === null || !('envelope_id' in message)) {
      this.violations.push(`the client sent a message without envelope_id: ${text.slice(0, 80)}`);
      return;
    }
    const ack: SocketModeAck = {
      envelope_id: String(message.envelope_id),
      ...('payload' in message ? { payload: message.payload } : {}),
    };
    this.acks.push(ack);
    const waiter = this.ackWaiters.findIndex((candidate) => candidate.envelopeId === ack.envelope_id);
    if (waiter >= 0) this.ackWaiters.splice(waiter, 1)[0]!.resolve(ack);
  }
}
