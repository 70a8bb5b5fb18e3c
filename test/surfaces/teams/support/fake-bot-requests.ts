import { RecordingBotRequests, textMessage } from '../../../support/recording-bot-requests.js';

export { textMessage };

/** The shared recording core with the Teams tests' defaults: commands and files are echoed back. */
export class FakeBotRequests extends RecordingBotRequests {
  constructor() {
    super();
    this.commandReply = (text) => ({
      kind: 'message',
      message: textMessage(`You said: ${text}`),
      visibility: 'conversation',
    });
    this.fileReply = (name) => ({
      kind: 'message',
      message: textMessage(`Imported ${name}`),
      visibility: 'conversation',
    });
  }
}
