import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { PrismaClient } from '../generated/prisma/client.js';

/** What a Prisma transaction client lets us ask of its connection. */
export type TransactionQueryable = Pick<PrismaClient, '$queryRaw'>;

/**
 * `COPY table (columns) FROM STDIN` on the very connection of a Prisma
 * transaction, so the rows are stored with the rest of the transaction or not
 * at all. Prisma has no COPY, and its transaction client does not expose the
 * connection, so each engine finds it its own way (see below). `rows` is COPY
 * text: one line per row, tab-separated, escaped by copyText.
 */
export interface CopyIn {
  copyRows(tx: TransactionQueryable, table: string, columns: readonly string[], rows: string): Promise<void>;
}

/**
 * PostgreSQL: @prisma/adapter-pg runs a transaction on a client it takes from
 * our pool. The transaction's backend pid (asked through the transaction
 * itself) names that client among the pool's connections, and pg-copy-streams
 * runs the COPY on it while Prisma waits for our callback.
 */
export function postgresCopyIn(pool: pg.Pool): CopyIn {
  const clientsByPid = new Map<number, pg.PoolClient>();
  pool.on('connect', (client) => {
    const pid = backendPid(client);
    if (pid !== null) clientsByPid.set(pid, client);
  });
  pool.on('remove', (client) => {
    const pid = backendPid(client);
    if (pid !== null) clientsByPid.delete(pid);
  });
  const clientOfTransaction = new WeakMap<TransactionQueryable, pg.PoolClient>();
  return {
    async copyRows(tx, table, columns, rows) {
      let client = clientOfTransaction.get(tx);
      if (client === undefined) {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        client = row === undefined ? undefined : clientsByPid.get(row.pid);
        if (client === undefined)
          throw new Error('COPY: the transaction’s connection is not one of the pool’s');
        clientOfTransaction.set(tx, client);
      }
      const copy = client.query(copyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      await pipeline(Readable.from([rows]), copy);
    },
  };
}

/** pg's Client knows its backend's pid from the start-up handshake; its typings do not say so. */
function backendPid(client: pg.PoolClient): number | null {
  return 'processID' in client && typeof client.processID === 'number' ? client.processID : null;
}

/**
 * PGlite: one connection, and pglite-prisma-adapter runs a Prisma transaction
 * inside `pglite.transaction(tx => …)`, which holds PGlite's lock: a query on
 * the PGlite object itself would wait for the transaction to end. So the
 * transaction handle is kept while it is open (there is at most one), and the
 * COPY runs on it, reading the rows from PGlite's `/dev/blob`.
 */
export function pgliteCopyIn(pglite: PGlite): CopyIn {
  let openTransaction: Transaction | null = null;
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = <T>(callback: (tx: Transaction) => Promise<T>): Promise<T> =>
    transaction(async (tx) => {
      openTransaction = tx;
      try {
        return await callback(tx);
      } finally {
        openTransaction = null;
      }
    });
  return {
    async copyRows(_tx, table, columns, rows) {
      if (openTransaction === null) throw new Error('COPY: no transaction is open');
      await openTransaction.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([rows]),
      });
    },
  };
}

const copyInOfClient = new WeakMap<PrismaClient, CopyIn>();

/** openDatabase registers each client's COPY, so storage built on the client finds it. */
export function registerCopyIn(prisma: PrismaClient, copyIn: CopyIn): void {
  copyInOfClient.set(prisma, copyIn);
}

export function copyInOf(prisma: PrismaClient): CopyIn {
  const copyIn = copyInOfClient.get(prisma);
  if (copyIn === undefined) throw new Error('COPY needs a Prisma client opened by openDatabase');
  return copyIn;
}

/** A value as COPY's text format writes it: `\N` for null, backslash escapes for the characters it uses. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return needsEscape.test(value)
    ? value.replace(escaped, (character) => escapes[character] ?? character)
    : value;
}

/** bytea in COPY text: hex, its backslash escaped. */
export function copyBytes(value: Uint8Array | null): string {
  return value === null
    ? '\\N'
    : `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}

const needsEscape = /[\\\t\n\r]/;
const escaped = /[\\\t\n\r]/g;
const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
