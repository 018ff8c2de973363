/**
 * `--queue redis://HOST:PORT[/DB]` (or rediss:// for TLS): parsed, then probed with one
 * PING under a short timeout, so a typo or a dead server is one clear line before any work.
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { UsageError } from '../cli/options';

export interface RedisTarget {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
}

export function parseRedisUrl(url: string): RedisTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--queue ${url}: not a URL; use redis://HOST:PORT`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UsageError(
      `--queue ${url}: must start with redis:// or rediss://, got ${parsed.protocol}//`,
    );
  }
  if (!parsed.hostname)
    throw new UsageError(`--queue ${url}: names no host; use redis://HOST:PORT`);
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const dbText = parsed.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || db > 15) {
    throw new UsageError(`--queue ${url}: the database must be 0 to 15, got '${dbText}'`);
  }
  return {
    url,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port,
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    tls: parsed.protocol === 'rediss:',
  };
}

/** The URL without a password, for messages. */
export const describeTarget = (t: RedisTarget): string =>
  `${t.tls ? 'rediss' : 'redis'}://${t.host}:${t.port}${t.db ? `/${t.db}` : ''}`;

const command = (...args: string[]): string =>
  `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** Connects, authenticates when the URL says so, and expects +PONG; else a UsageError. */
export async function probeRedis(target: RedisTarget, timeoutMs = 3000): Promise<void> {
  const where = describeTarget(target);
  await new Promise<void>((resolve, reject) => {
    const socket: Socket = target.tls
      ? connectTls({ host: target.host, port: target.port, servername: target.host })
      : connectTcp({ host: target.host, port: target.port });
    let reply = '';
    const fail = (why: string) => {
      socket.destroy();
      reject(new UsageError(`--queue ${where}: cannot reach Redis (${why})`));
    };
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.code ?? error.message);
    });
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      const auth = target.password
        ? target.username
          ? command('AUTH', target.username, target.password)
          : command('AUTH', target.password)
        : '';
      socket.write(`${auth}${command('PING')}`);
    });
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.startsWith('-')) {
        clearTimeout(timer);
        fail(`it said ${reply.split('\r\n')[0]!.slice(1)}`);
      } else if (reply.includes('+PONG')) {
        clearTimeout(timer);
        socket.end();
        resolve();
      } else if (!reply.startsWith('+')) {
        clearTimeout(timer);
        fail('the server there does not speak the Redis protocol');
      }
    });
  });
}
