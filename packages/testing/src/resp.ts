import { connect } from 'node:net';

/** A RESP2 reply; error replies reject instead. */
export type RespReply = string | number | null | RespReply[];

type Parsed = { value: RespReply; end: number } | { error: string } | undefined;

/** One reply starting at `at`, or undefined while the buffer holds only part of it. */
function parse(buf: Buffer, at: number): Parsed {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = buf.toString('latin1', at, at + 1);
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  if (type === '+') return { value: line, end: next };
  if (type === '-') return { error: line };
  if (type === ':') return { value: Number(line), end: next };
  const len = Number(line);
  if (type === '$') {
    if (len < 0) return { value: null, end: next };
    if (buf.length < next + len + 2) return undefined;
    return { value: buf.toString('utf8', next, next + len), end: next + len + 2 };
  }
  if (type !== '*') return { error: `unexpected RESP type ${JSON.stringify(type)}` };
  if (len < 0) return { value: null, end: next };
  const items: RespReply[] = [];
  let end = next;
  for (let i = 0; i < len; i++) {
    const item = parse(buf, end);
    if (!item || 'error' in item) return item;
    items.push(item.value);
    end = item.end;
  }
  return { value: items, end };
}

function encode(args: (string | number)[]): string {
  const parts = args.map((a) => {
    const s = String(a);
    return `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
  });
  return `*${args.length}\r\n${parts.join('')}`;
}

function describe(port: number, args: (string | number)[]) {
  return `127.0.0.1:${port} ${args.slice(0, 2).join(' ')}`;
}

/** Sends one command to the redis on 127.0.0.1:port over a fresh connection. */
export async function sendCommand(
  port: number,
  args: (string | number)[],
  timeoutMs = 5000,
): Promise<RespReply> {
  const what = describe(port, args);
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const socket = connect(port, '127.0.0.1', () => socket.write(encode(args)));
    socket.setTimeout(timeoutMs, () => {
      socket.destroy(new Error(`no reply in ${timeoutMs} ms`));
    });
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const reply = parse(buf, 0);
      if (!reply) return;
      socket.destroy();
      if ('error' in reply) reject(new Error(`${what}: ${reply.error}`));
      else resolve(reply.value);
    });
    socket.on('error', (err) => {
      reject(new Error(`${what}: ${err.message}`));
    });
    socket.on('close', () => {
      reject(new Error(`${what}: connection closed before a reply`));
    });
  });
}

export async function sendForText(port: number, args: (string | number)[]): Promise<string> {
  const reply = await sendCommand(port, args);
  if (typeof reply !== 'string') throw new Error(`${describe(port, args)}: not text`);
  return reply;
}

export async function sendForList(port: number, args: (string | number)[]): Promise<string[]> {
  const reply = await sendCommand(port, args);
  if (!Array.isArray(reply) || !reply.every((r) => typeof r === 'string'))
    throw new Error(`${describe(port, args)}: not a list of strings`);
  return reply;
}
