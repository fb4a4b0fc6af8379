import http from 'node:http';

export interface SseMessage {
  event?: string;
  id?: string;
  data: string;
}

/**
 * Opens a Server-Sent Events stream and collects messages until `done` says so (or the timeout);
 * then drops the connection. A plain HTTP client and a plain parser: what a browser's EventSource does.
 */
export function readSse(
  url: string,
  headers: Record<string, string>,
  done: (messages: SseMessage[]) => boolean,
  timeoutMs = 20000,
  onOpen?: () => void,
): Promise<SseMessage[]> {
  return new Promise((resolve, reject) => {
    const messages: SseMessage[] = [];
    let buffer = '';
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        res.destroy();
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      onOpen?.();
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const m: SseMessage = { data: '' };
          for (const line of block.split('\n')) {
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'event') m.event = value;
            else if (field === 'id') m.id = value;
            else if (field === 'data') m.data += value;
          }
          if (m.event !== 'heartbeat' && (m.data || m.event)) messages.push(m);
        }
        if (done(messages)) {
          clearTimeout(timer);
          req.destroy();
          resolve(messages);
        }
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(messages);
    }, timeoutMs);
    req.on('error', (e) => {
      if (!req.destroyed) reject(e);
    });
  });
}
