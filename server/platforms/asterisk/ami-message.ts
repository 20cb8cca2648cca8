/**
 * The Asterisk Manager Interface's text protocol: after a one-line banner
 * (`Asterisk Call Manager/<version>`), messages of `Key: Value` lines, each message ended by an
 * empty line, CRLF throughout. Actions go out, responses and events come in, in the same shape.
 */

/** One message, its headers in order. A key may repeat (e.g. `Variable`); `get` reads the first. */
export class AmiMessage {
  constructor(readonly headers: readonly (readonly [string, string])[]) {}

  /** Case-insensitive, as Asterisk treats header names. */
  get(key: string): string | undefined {
    const lower = key.toLowerCase();
    for (const [k, v] of this.headers) if (k.toLowerCase() === lower) return v;
    return undefined;
  }

  get event(): string | undefined {
    return this.get('Event');
  }

  get response(): string | undefined {
    return this.get('Response');
  }

  get actionId(): string | undefined {
    return this.get('ActionID');
  }
}

/** An action's fields to wire form; values are single lines (a line break would start a new header). */
export function serializeAction(fields: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out += `${key}: ${String(value).replace(/[\r\n]+/g, ' ')}\r\n`;
  }
  return `${out}\r\n`;
}

/** Splits what arrives on the socket into the banner and messages, however the bytes are cut. */
export class AmiParser {
  private buffer = '';
  private banner: string | null = null;
  private lines: [string, string][] = [];

  constructor(private readonly onBanner: (banner: string) => void, private readonly onMessage: (message: AmiMessage) => void) {}

  feed(chunk: string): void {
    this.buffer += chunk;
    let start = 0;
    for (let end = this.buffer.indexOf('\n', start); end !== -1; end = this.buffer.indexOf('\n', start)) {
      const line = this.buffer.slice(start, end).replace(/\r$/, '');
      start = end + 1;
      this.line(line);
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (this.banner === null) {
      this.banner = line;
      this.onBanner(line);
      return;
    }
    if (line === '') {
      if (this.lines.length > 0) this.onMessage(new AmiMessage(this.lines));
      this.lines = [];
      return;
    }
    const colon = line.indexOf(':');
    // A line without a colon is output of an old `Command` action; nothing Floorview sends asks for it.
    if (colon === -1) return;
    this.lines.push([line.slice(0, colon), line.slice(colon + 1).trimStart()]);
  }
}
