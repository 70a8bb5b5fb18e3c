/** The worker thread of smtp-sink-thread.ts: an SMTP server on loopback that accepts and counts every mail. */
import type { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';

const port = parentPort;
if (!port) throw new Error('smtp-sink-worker.js runs as a worker thread of the mail dispatch bench');

let received = 0;
let bytes = 0;
const connections = new Set<string>();
const server = new SMTPServer({
  logger: false,
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  onConnect(session, callback) {
    connections.add(session.id);
    callback();
  },
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      received += 1;
      callback(null, `2.0.0 Ok: queued as ${received}`);
    });
  },
});
const listening = server.listen(0, '127.0.0.1', () => {
  port.postMessage({ type: 'listening', port: (listening.address() as AddressInfo).port });
});

const request = z.object({ type: z.enum(['count', 'stop']) });
port.on('message', (message: unknown) => {
  const { type } = request.parse(message);
  if (type === 'count') {
    port.postMessage({ type: 'count', received, bytes, connections: connections.size });
    return;
  }
  server.close(() => port.close());
});
