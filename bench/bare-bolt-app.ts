/**
 * The yardstick of the Slack acknowledgement bench: a Bolt app that does
 * nothing but acknowledge `/trafiklys`, on Bolt's own HTTP receiver, in a
 * process of its own. Whatever Trafiklys adds on top of Bolt shows as the
 * difference. Environment: SLACK_SIGNING_SECRET, PORT. Prints one line,
 * `listening <url>`, when it is ready.
 */
import { App, LogLevel } from '@slack/bolt';

const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
const port = Number(process.env.PORT ?? '0');

const app = new App({
  signingSecret,
  // A fixed identity: no auth.test call, as Trafiklys asks it once too.
  authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BENCH' }),
  logLevel: LogLevel.ERROR,
});
app.command('/trafiklys', async ({ ack }) => {
  await ack();
});
await app.start(port);
process.stdout.write(`listening http://127.0.0.1:${port}/slack/events\n`);
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
