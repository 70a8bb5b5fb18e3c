/**
 * Links in messages go to web pages and mail addresses only: a `javascript:`
 * or `data:` URL in a message would run or show something no reader asked for.
 */
const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/** The URL in its normalised form when it may be a link, else null (render the link text alone). */
export function safeLinkUrl(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return allowedProtocols.has(parsed.protocol) ? parsed.href : null;
}
