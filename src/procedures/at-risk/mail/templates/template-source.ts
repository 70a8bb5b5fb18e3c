import type { MailPart, SnippetName } from '../mail-placeholders.js';

/** A whole mail template in Liquid: its subject, plain text and HTML body. */
export type MailTemplateSource = Readonly<Record<MailPart, string>>;

/** A required part in Liquid, once as plain text and once as HTML. */
export interface SnippetSource {
  readonly text: string;
  readonly html: string;
}

/** The library texts of one language: every snippet each template offers. */
export interface SnippetSources {
  readonly yellow: Readonly<Record<'rights' | 'guidance' | 'contact', SnippetSource>>;
  readonly red: Readonly<Record<SnippetName, SnippetSource>>;
}

/**
 * Inline styles for the HTML bodies: mail clients drop `<style>` blocks, so
 * every element carries its own. A 16 px body and a 600 px column read well
 * on a phone and on a desktop; the link colour has a contrast of 7:1 on white.
 */
export const htmlStyle = {
  paragraph: 'style="margin:0 0 16px 0;"',
  list: 'style="margin:0 0 16px 0;padding-left:24px;"',
  listItem: 'style="margin:0 0 8px 0;"',
  link: 'style="color:#0b4f94;text-decoration:underline;"',
  button:
    'style="display:inline-block;padding:10px 18px;background-color:#0b4f94;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;"',
} as const;

/** An HTML document around a mail's body, in the mail's language, titled by its subject. */
export function htmlDocument(language: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ subject }}</title>
</head>
<body style="margin:0;padding:0;background-color:#ffffff;">
<div role="article" aria-label="{{ subject }}" style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;">
${body.trim()}
</div>
</body>
</html>
`;
}
