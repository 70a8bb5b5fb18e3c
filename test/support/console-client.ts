/**
 * The console API as its own page calls it: from the console's origin (the
 * API refuses a POST from anywhere else), as one person: `as` in local mode,
 * or a session cookie in protected mode.
 */
export interface ConsoleClient {
  post(
    path: string,
    body: Record<string, unknown>,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
  /** The messages of a conversation the person may see; throws with the status otherwise. */
  messagesIn(channel: string): Promise<{ id: string; author: string; html: string; updatedAt: string }[]>;
  upload(channel: string, name: string, bytes: Uint8Array, locale?: string): Promise<Response>;
  get(path: string, query?: Record<string, string>): Promise<Response>;
}

export function consoleClient(
  baseUrl: string,
  viewer: { readonly as: string } | { readonly cookie: string },
): ConsoleClient {
  const identity: Record<string, string> = 'as' in viewer ? { as: viewer.as } : {};
  const headers: Record<string, string> = {
    origin: baseUrl,
    ...('cookie' in viewer ? { cookie: viewer.cookie } : {}),
  };
  const get = (path: string, query: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}?${new URLSearchParams({ ...identity, ...query })}`, { headers });
  return {
    get,
    async post(path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ ...identity, ...body }),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    async messagesIn(channel) {
      const response = await get('/console/api/messages', { channel });
      if (response.status !== 200)
        throw new Error(`messages in ${channel}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { messages: Awaited<ReturnType<ConsoleClient['messagesIn']>> })
        .messages;
    },
    upload(channel, name, bytes, locale) {
      const query = new URLSearchParams({ ...identity, channel, name, ...(locale ? { locale } : {}) });
      return fetch(`${baseUrl}/console/api/upload?${query}`, { method: 'POST', headers, body: bytes });
    },
  };
}
