import fs from 'node:fs';
import type { Writable } from 'node:stream';

const FLUSH_AT = 256 * 1024;

/**
 * Lines to a file or to stdout, buffered, with the byte count a checkpoint needs: a resumed run
 * cuts the file back to what the checkpoint saw and appends from there, so an interruption
 * neither loses nor repeats a line.
 */
export class LineSink {
  private chunks: string[] = [];
  private pending = 0;
  private written: number;

  private constructor(
    private readonly fd: number | undefined,
    private readonly stream: Writable | undefined,
    bytes: number,
  ) {
    this.written = bytes;
  }

  /** A file, created (or, when resuming, cut back to `resumeAtBytes`). */
  static toFile(path: string, resumeAtBytes?: number): LineSink {
    if (resumeAtBytes === undefined) return new LineSink(fs.openSync(path, 'w'), undefined, 0);
    const size = fs.existsSync(path) ? fs.statSync(path).size : 0;
    if (size < resumeAtBytes)
      throw new Error(
        `${path} holds ${size} bytes but the checkpoint says ${resumeAtBytes} were written: it is not the file the interrupted run wrote`,
      );
    const fd = fs.openSync(path, 'r+');
    fs.ftruncateSync(fd, resumeAtBytes);
    return new LineSink(fd, undefined, resumeAtBytes);
  }

  static toStream(stream: Writable): LineSink {
    return new LineSink(undefined, stream, 0);
  }

  /** Bytes written so far (flushed or not). */
  get bytes(): number {
    return this.written + this.pending;
  }

  async line(text: string): Promise<void> {
    this.chunks.push(text, '\n');
    this.pending += Buffer.byteLength(text) + 1;
    if (this.pending >= FLUSH_AT) await this.flush();
  }

  /** Everything so far is written (handed to the OS, or accepted by the stream) when this resolves. */
  async flush(): Promise<void> {
    if (!this.chunks.length) return;
    const data = this.chunks.join('');
    this.chunks = [];
    if (this.fd !== undefined) {
      const buffer = Buffer.from(data);
      for (let off = 0; off < buffer.length;)
        off += fs.writeSync(this.fd, buffer, off, buffer.length - off, this.written + off);
    } else if (!this.stream!.write(data)) {
      await new Promise<void>((resolve) => this.stream!.once('drain', resolve));
    }
    this.written += this.pending;
    this.pending = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.fd !== undefined) fs.closeSync(this.fd);
  }
}
