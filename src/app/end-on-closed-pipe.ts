/**
 * Piped into `head` or `less` that quits early, the reader goes away while output is still being written:
 * that is the end of the conversation, not a crash, so the process ends quietly instead of printing an
 * unhandled EPIPE stack.
 */
export function endOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}
