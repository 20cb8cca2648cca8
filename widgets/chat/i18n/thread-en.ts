/** English strings of a chat thread (log and composer), shared by the chat panel and the agent desk. */
export const threadEn = {
  'thread.log': 'Conversation with {name}',
  'thread.loading': 'Loading messages…',
  'thread.empty': 'No messages with {name} yet.',
  'thread.older': 'Earlier messages',
  'thread.loadingOlder': 'Loading earlier messages…',
  'thread.start': 'This is the start of your conversation with {name}.',
  'thread.you': 'You',
  'thread.said': '{name}, {time}:',
  'thread.delivered': 'Delivered',
  'thread.read': 'Read {time}',
  'thread.sending': 'Sending…',
  'thread.failed': 'Not sent',
  'thread.tooMany': 'Too many messages in a minute; wait a moment and send again.',
  'thread.retry': 'Retry',
  'thread.discard': 'Discard',
  'thread.input': 'Message to {name}',
  'thread.placeholder': 'Write a message…',
  'thread.hint': 'Enter sends; Shift+Enter starts a new line.',
  'thread.send': 'Send',
  'thread.remaining.one': '{count} character left',
  'thread.remaining.other': '{count} characters left',
} satisfies Record<string, string>;

export type ThreadKey = keyof typeof threadEn;
