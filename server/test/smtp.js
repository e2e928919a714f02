// A real SMTP server on 127.0.0.1 for the e-mail tests (the smtp-server
// package speaks the protocol; nodemailer talks to it as to any other).
// Messages are collected as { from, to, subject, text }; next() waits for
// the next one. reject(n) makes it refuse the next n messages (550).
import { SMTPServer } from 'smtp-server';

/** @param {string} raw a whole message @returns {{ subject: string, text: string }} */
function parseMessage(raw) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?(.*?)\?=/gi, (_, encoding, data) => encoding.toUpperCase() === 'B'
    ? Buffer.from(data, 'base64').toString('utf8')
    : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (/** @type {string} */ __, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'))
;
  let text = rest.join('\n\n');
  if (/content-transfer-encoding: quoted-printable/i.test(unfolded)) {
    text = Buffer.from(text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  } else if (/content-transfer-encoding: base64/i.test(unfolded)) {
    text = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

/** @param {import('node:test').TestContext} t */
export async function startSmtpServer(t) {
  /** @type {{ from: string, to: string[], subject: string, text: string }[]} */
  const messages = [];
  /** @type {((message: any) => void)[]} */
  const waiting = [];
  let rejectNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        if (rejectNext > 0) {
          rejectNext--;
          return callback(Object.assign(new Error('mailbox unavailable (test)'), { responseCode: 550 }));
        }
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString('utf8')),
        };
        messages.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  t.after(() => new Promise((resolve) => server.close(() => resolve(undefined))));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  let read = 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** @returns {Promise<{ from: string, to: string[], subject: string, text: string }>} the next message not yet returned */
    next() {
      if (read < messages.length) return Promise.resolve(messages[read++]);
      return new Promise((resolve) => waiting.push((message) => { read++; resolve(message); }));
    },
    /** @param {number} count */
    reject(count) { rejectNext = count; },
  };
}
