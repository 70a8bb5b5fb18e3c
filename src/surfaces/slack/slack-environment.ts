import { z } from 'zod';
import { CodedError } from '../../shared/coded-error.js';

/**
 * The Slack part of the environment, parsed once at boot. Slack is on when
 * SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are both set, off when neither is;
 * one without the other is a mistake and stops the boot. Problems are reported
 * as `VARIABLE: problem` and never quote a value: three of the four are secrets.
 */

/** `NAME=` in a .env file or a compose file means "not set", not "set to nothing". */
function optionalVariable<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );
}

const noWhitespace = /^\S+$/;

const botToken = z
  .string()
  .regex(/^xoxb-\S+$/, { error: 'must be a bot token starting with xoxb- (OAuth & Permissions page)' });

const signingSecret = z.string().regex(noWhitespace, {
  error: 'must be the signing secret from the Basic Information page, without spaces',
});

const appToken = z.string().regex(/^xapp-\S+$/, {
  error:
    'must be an app-level token starting with xapp- (Basic Information, App-Level Tokens, scope connections:write)',
});

const apiUrl = z.string().refine(isApiUrl, {
  error: 'must be an http:// or https:// URL ending in /api/, like https://slack.com/api/',
});

function isApiUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname.endsWith('/api/');
  } catch {
    return false;
  }
}

export const slackEnvironmentSchema = z
  .object({
    /** Bot User OAuth Token (`xoxb-…`). */
    SLACK_BOT_TOKEN: optionalVariable(botToken),
    /** Verifies that HTTP requests come from Slack. */
    SLACK_SIGNING_SECRET: optionalVariable(signingSecret),
    /** App-level token (`xapp-…`): when set, Slack events arrive over Socket Mode instead of HTTP. */
    SLACK_APP_TOKEN: optionalVariable(appToken),
    /** Another Web API base URL: a test double, or an Enterprise Grid egress proxy. */
    SLACK_API_URL: optionalVariable(apiUrl),
  })
  .superRefine((variables, ctx) => {
    const hasToken = variables.SLACK_BOT_TOKEN !== undefined;
    const hasSecret = variables.SLACK_SIGNING_SECRET !== undefined;
    if (hasToken && !hasSecret) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required when SLACK_BOT_TOKEN is set (Basic Information, App Credentials)',
      });
    }
    if (hasSecret && !hasToken) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when SLACK_SIGNING_SECRET is set (OAuth & Permissions, Bot User OAuth Token)',
      });
    }
    if (!hasToken && !hasSecret && variables.SLACK_APP_TOKEN !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'is set, but Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too',
      });
    }
  });

export type SlackEnvironment =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      readonly botToken: string;
      readonly signingSecret: string;
      /** Socket Mode when set; otherwise Slack posts to /slack/events on our HTTP server. */
      readonly appToken: string | null;
      /** null: Slack's own https://slack.com/api/. */
      readonly apiUrl: string | null;
    };

/** Throws CodedError('env.invalid') listing every problem as `VARIABLE: problem`, never a value. */
export function parseSlackEnvironment(env: NodeJS.ProcessEnv): SlackEnvironment {
  const result = slackEnvironmentSchema.safeParse(env, { error: issueMessage });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
    throw new CodedError('env.invalid', ['invalid Slack settings:', ...lines].join('\n'));
  }
  const variables = result.data;
  if (variables.SLACK_BOT_TOKEN === undefined || variables.SLACK_SIGNING_SECRET === undefined) {
    return { enabled: false };
  }
  return {
    enabled: true,
    botToken: variables.SLACK_BOT_TOKEN,
    signingSecret: variables.SLACK_SIGNING_SECRET,
    appToken: variables.SLACK_APP_TOKEN ?? null,
    apiUrl: variables.SLACK_API_URL ?? null,
  };
}

/** Zod's own messages for anything not covered above, without the value. */
function issueMessage(issue: z.core.$ZodRawIssue): string {
  return issue.code === 'invalid_type' ? 'must be text' : 'is not valid';
}
