import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Mailer, MailKind, MailMessage } from '../../mail/mailer.js';
import { accountHeader, emlHeader, headerSafeId } from './eml-headers.js';
import { messageOptions, noOutsideAccess } from './message-options.js';

export interface FileOutboxOptions {
  /** Where the .eml files go; created (mode 0700) when missing. */
  directory: string;
  /** The From header, e.g. `Dukaan <no-reply@localhost>`. */
  from: string;
  /**
   * Told about each file written, e.g. to log where it went. It gets the file and the kind only:
   * the address is personal data and the body holds a link that opens the account.
   */
  onWritten?: (info: { file: string; kind: MailKind }) => void;
}

/** `2025-05-03T14-05-09-123Z`: sorts by time and is a valid file name everywhere (no colons). */
const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** nodemailer's options for one message, tagged with the account it is about (for erase). */
function outboxOptions(from: string, message: MailMessage) {
  const options = messageOptions(from, message);
  const accountId = headerSafeId(message.accountId);
  return accountId === undefined ? options : { ...options, headers: { ...options.headers, [accountHeader]: accountId } };
}

function openTransport() {
  return import('nodemailer').then(({ createTransport }) => createTransport({ streamTransport: true, buffer: true, ...noOutsideAccess }));
}

/**
 * Writes each message as an .eml file any mail program opens: the zero-setup mailer, for
 * development and for small installs without SMTP. Files are readable by their owner only.
 * Each file about an account carries its id in an `X-Dukaan-Account` header, so closing the
 * account erases all of its mail, whatever address it went to (an earlier one, a pending new
 * one); erasing by address would not, and could hit another person's mail at a reused address.
 */
export function fileOutbox({ directory, from, onWritten }: FileOutboxOptions): Mailer & Required<Pick<Mailer, 'erase'>> {
  const root = resolve(directory);
  // nodemailer is loaded at the first message, not at start: an instance that sends no mail
  // (a storefront replica, a process with outbox delivery off) keeps its few MB.
  let transport: ReturnType<typeof openTransport> | null = null;
  // The directory is made once, not per message (a mkdir per order mail was measurable under a
  // checkout load); a write that finds it gone (deleted by hand) makes it again and writes once more.
  let made: Promise<unknown> | null = null;
  const makeRoot = (again: boolean) => {
    if (again || made === null) {
      const making = mkdir(root, { recursive: true, mode: 0o700 });
      made = making;
      // A failed mkdir is tried again by the next message; a newer attempt is never forgotten.
      making.catch(() => {
        if (made === making) made = null;
      });
    }
    return made;
  };
  const writeNew = async (partial: string, eml: Buffer) => {
    await makeRoot(false);
    try {
      await writeFile(partial, eml, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!isMissing(error)) throw error;
      await makeRoot(true);
      await writeFile(partial, eml, { mode: 0o600, flag: 'wx' });
    }
  };
  return {
    async send(message) {
      const { message: eml } = await (await (transport ??= openTransport())).sendMail(outboxOptions(from, message));
      if (!Buffer.isBuffer(eml)) throw new TypeError('nodemailer returned a stream where a buffer was asked for');
      const name = `${stamp(new Date())}-${message.kind}-${randomBytes(6).toString('hex')}.eml`;
      const file = join(root, name);
      // Written under a hidden name, then renamed: a reader (or erase) never sees half a message.
      const partial = join(root, `.${name}.partial`);
      await writeNew(partial, eml);
      await rename(partial, file);
      try {
        onWritten?.({ file, kind: message.kind });
      } catch {
        // A failing log hook must not make the queue send the message again.
      }
    },

    async erase({ accountId }) {
      let names: string[];
      try {
        names = await readdir(root);
      } catch (error) {
        if (isMissing(error)) return 0;
        throw error;
      }
      let erased = 0;
      for (const name of names.filter((n) => n.endsWith('.eml'))) {
        const file = join(root, name);
        const eml = await readFile(file, 'utf8').catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
        if (eml === null || !emlHeader(eml, accountHeader).includes(accountId)) continue;
        await rm(file, { force: true });
        erased += 1;
      }
      return erased;
    },
  };
}
