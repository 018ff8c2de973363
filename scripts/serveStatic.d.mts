import type { Server } from 'node:http';

/** Serves `dir` on 127.0.0.1:`port` (0 picks a free port). */
export function serveStatic(dir: string, port?: number): Promise<{ server: Server; url: string }>;
