import type { IncomingMessage } from 'node:http';

/** A body the server will not read: the status to answer and why (for the log). */
export class BodyRefusedError extends Error {
  override readonly name = 'BodyRefusedError';
  constructor(
    readonly status: 408 | 413 | 400,
    reason: string,
  ) {
    super(reason);
  }
}

export interface BodyLimits {
  /** At most this many bytes, announced (Content-Length) or sent. */
  limitBytes: number;
  /** The whole body must arrive within this time, however slowly it trickles. */
  deadlineMs: number;
}

/** The announced length when it is over the limit (checked before a byte of the body is read). */
export function announcedTooLong(req: IncomingMessage, limitBytes: number): boolean {
  const announced = Number(req.headers['content-length'] ?? 0);
  return !Number.isFinite(announced) || announced > limitBytes;
}

/**
 * Reads a request body into memory within a size limit and a deadline. A body over the limit stops being
 * read as soon as it passes it; a body still incomplete at the deadline is refused with 408.
 */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  if (announcedTooLong(req, limits.limitBytes)) {
    return Promise.reject(new BodyRefusedError(413, 'announced body over the limit'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: BodyRefusedError | null): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) {
        // Stop buffering; what still arrives is discarded until the connection closes.
        chunks.length = 0;
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.limitBytes) finish(new BodyRefusedError(413, 'body over the limit'));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(null);
    const onError = (): void => finish(new BodyRefusedError(400, 'request stream failed'));
    const onAborted = (): void => finish(new BodyRefusedError(400, 'request aborted'));
    const timer = setTimeout(
      () => finish(new BodyRefusedError(408, `body not complete within ${limits.deadlineMs} ms`)),
      limits.deadlineMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
