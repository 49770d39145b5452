import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Pool } from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Text joined and handed to the stream at a time. Small on purpose: the stream turns it into a Buffer outside the
 * JavaScript heap at once, while lines held until a megabyte had gathered outlived two young-generation collections,
 * were promoted, and a million rows' worth of them kept the old generation collecting (~2 s of a 1M-row read under a
 * 256 MB heap).
 */
const FLUSH_AT = 64 << 10;
/** Bytes the stream may hold (as Buffers) before the writer waits for the socket: enough to keep the server busy. */
const MAX_QUEUED = 8 << 20;

export type CopyLineWriter = {
  /** Queues one line of COPY text format (no trailing newline); waits while more than MAX_QUEUED bytes wait for the socket. */
  push: (line: string) => Promise<void> | void;
  finish: () => Promise<void>;
  abort: (error: Error) => Promise<void>;
};

/**
 * One COPY FROM STDIN on a pooled node-postgres connection, fed line by line while the caller is still producing
 * rows, so JavaScript and PostgreSQL work at the same time. Lines are joined once per flush: building the text
 * with += made millions of short-lived string pieces, and garbage collection then cost more than the parsing.
 */
export async function openCopyLines(pool: Pool, copySql: string): Promise<CopyLineWriter> {
  const client = await pool.connect();
  const stream = client.query(copyFrom(copySql));
  // Listened to from the start: an error between two writes (the connection dropped) must reach the next write
  // or `finish`, not crash the process as an unheard stream error.
  let failure: Error | null = null;
  stream.on("error", (error) => {
    failure ??= error;
  });
  let lines: string[] = [];
  let pendingBytes = 0;
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  const flush = async () => {
    if (failure) throw failure;
    lines.push("");
    stream.write(lines.join("\n"));
    lines = [];
    pendingBytes = 0;
    if (stream.writableLength > MAX_QUEUED) await once(stream, "drain");
  };
  return {
    push: (line) => {
      if (failure) throw failure;
      lines.push(line);
      pendingBytes += line.length + 1;
      if (pendingBytes >= FLUSH_AT) return flush();
    },
    finish: async () => {
      try {
        if (lines.length) await flush();
        stream.end();
        await finished(stream);
        release();
      } catch (error) {
        release(error as Error);
        throw error;
      }
    },
    abort: async (error) => {
      stream.destroy(error);
      // The connection is mid-COPY: hand it back as broken so the pool closes it.
      release(error);
    },
  };
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A text value in COPY's text format: backslash escapes for the characters that delimit rows and columns. */
export function copyText(text: string): string {
  // Most cells need no escaping; testing once is far cheaper than four replaces per cell.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
